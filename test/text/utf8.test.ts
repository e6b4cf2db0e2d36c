// Strict UTF-8 decoding with the offset of the first bad byte (issue 9, defect 10).

import { describe, expect, it } from 'vitest';
import { decodeUtf8, invalidUtf8Offset } from '../../core/text/index.ts';

describe('invalidUtf8Offset', () => {
  it.each([
    ['ASCII', [0x61, 0x62], undefined],
    ['two, three and four byte characters', [...Buffer.from('é東😀')], undefined],
    ['a lone continuation byte', [0x61, 0x80], 1],
    ['a lead byte that never starts a character', [0x61, 0xf5, 0x80, 0x80, 0x80], 1],
    ['an overlong slash', [0xc0, 0xaf], 0],
    ['an overlong three-byte form', [0xe0, 0x80, 0xaf], 0],
    ['a surrogate', [0x61, 0x62, 0xed, 0xa0, 0x80], 2],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a sequence cut off at the end', [0x61, 0xe6, 0x9d], 1],
  ])('%s', (_label, bytes, offset) => {
    expect(invalidUtf8Offset(Uint8Array.from(bytes))).toBe(offset);
  });
});

describe('decodeUtf8', () => {
  it('keeps a BOM (the parsers decide what it means) and decodes valid text', () => {
    expect(decodeUtf8(Buffer.from('\uFEFFZoë'), 'x')).toBe('\uFEFFZoë');
  });

  it('refuses invalid text, naming it and the offset', () => {
    expect(() => decodeUtf8(Uint8Array.from([0x5a, 0x6f, 0xeb]), 'the file')).toThrow('the file is not valid UTF-8 at byte offset 2 (byte 0xeb)');
  });
});
