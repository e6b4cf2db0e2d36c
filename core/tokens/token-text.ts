// The token a client presents: `jny_<id>_<secret>`. The id is public (it finds the row); only the
// SHA-256 of the whole token is stored, and it is compared in constant time.

import { createHash, randomBytes as cryptoRandomBytes, timingSafeEqual } from 'node:crypto';

const TOKEN_PATTERN = /^jny_([0-9a-f]{16})_[A-Za-z0-9_-]{43}$/;

export type RandomBytes = (size: number) => Buffer;

export function generateTokenText(randomBytes: RandomBytes = cryptoRandomBytes): { id: string; text: string } {
  const id = randomBytes(8).toString('hex');
  return { id, text: `jny_${id}_${randomBytes(32).toString('base64url')}` };
}

/** The id inside a well-formed token, or undefined for anything else. */
export function tokenIdOf(text: string): string | undefined {
  return TOKEN_PATTERN.exec(text)?.[1];
}

export function hashToken(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Constant-time comparison of two hex SHA-256 digests. */
export function sameDigest(left: string, right: string): boolean {
  const a = Buffer.from(left, 'hex');
  const b = Buffer.from(right, 'hex');
  return a.length === 32 && b.length === 32 && timingSafeEqual(a, b);
}
