import { createHash } from 'node:crypto';

/**
 * The digest recorded with every version: SHA-256, lowercase hex, over the UTF-8 bytes of the TypeScript
 * source, one NUL byte, then the UTF-8 bytes of the bundle, so it pins both what was reviewed and what runs.
 * Reproduce it with `(cat fn.ts; printf '\0'; cat fn.js) | sha256sum`.
 */
export function versionDigest(source: string, bundle: string): string {
  return createHash('sha256').update(source, 'utf8').update('\0').update(bundle, 'utf8').digest('hex');
}
