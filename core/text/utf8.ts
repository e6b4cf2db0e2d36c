// Strict UTF-8: files people hand us (function sources, fixtures, directory exports) are refused when they
// are not valid UTF-8, with the byte offset of the first bad byte, instead of being decoded with U+FFFD
// replacing what could not be read (a username silently becoming "Zo�").

import { JoineryError } from '../errors.ts';

const STRICT = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The text, or INVALID_INPUT naming `what` and the offset of the first byte that is not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array, what: string): string {
  try {
    return STRICT.decode(bytes);
  } catch {
    const offset = invalidUtf8Offset(bytes) ?? 0;
    const found = (bytes[offset] ?? 0).toString(16).padStart(2, '0');
    throw new JoineryError(
      'INVALID_INPUT',
      `${what} is not valid UTF-8 at byte offset ${offset} (byte 0x${found}); save it as UTF-8 and try again`,
      { byteOffset: offset },
    );
  }
}

/** The offset of the first byte that starts an invalid sequence (RFC 3629), or undefined when valid. */
export function invalidUtf8Offset(bytes: Uint8Array): number | undefined {
  let index = 0;
  while (index < bytes.length) {
    const length = sequenceLength(bytes, index);
    if (length === 0) return index;
    index += length;
  }
  return undefined;
}

/** The length of the valid sequence starting at `index`, or 0 when it is invalid. */
function sequenceLength(bytes: Uint8Array, index: number): number {
  const lead = bytes[index] ?? 0;
  if (lead < 0x80) return 1;
  // Each lead byte: how many bytes follow, and the allowed range of the first of them (no overlong
  // forms, no surrogates, nothing above U+10FFFF).
  const [count, low, high] =
    lead >= 0xc2 && lead <= 0xdf ? [1, 0x80, 0xbf]
      : lead === 0xe0 ? [2, 0xa0, 0xbf]
        : lead === 0xed ? [2, 0x80, 0x9f]
          : lead >= 0xe1 && lead <= 0xef ? [2, 0x80, 0xbf]
            : lead === 0xf0 ? [3, 0x90, 0xbf]
              : lead === 0xf4 ? [3, 0x80, 0x8f]
                : lead >= 0xf1 && lead <= 0xf3 ? [3, 0x80, 0xbf]
                  : [0, 0, 0];
  if (count === 0) return 0;
  for (let offset = 1; offset <= count; offset++) {
    const byte = bytes[index + offset];
    if (byte === undefined) return 0;
    const [min, max] = offset === 1 ? [low, high] : [0x80, 0xbf];
    if (byte < min || byte > max) return 0;
  }
  return count + 1;
}
