// AES-256-GCM, one fresh random 12-byte IV per value, the 16-byte tag kept. The secret's name is the
// additional authenticated data, so a ciphertext copied onto another name fails to decrypt instead of
// handing one secret's value out under another's name.

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { JoineryError } from '../errors.ts';

export const KEY_BYTES = 32;
const IV_BYTES = 12;

export interface SealedSecret {
  iv: Buffer;
  ciphertext: Buffer;
  authTag: Buffer;
}

export function sealSecret(key: Uint8Array, name: string, value: string): SealedSecret {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(name, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return { iv, ciphertext, authTag: cipher.getAuthTag() };
}

/** The plaintext, or a JoineryError when the key is wrong or any byte (or the name) was changed. */
export function openSecret(key: Uint8Array, name: string, sealed: SealedSecret): string {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv);
    decipher.setAAD(Buffer.from(name, 'utf8'));
    decipher.setAuthTag(sealed.authTag);
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new JoineryError('INTERNAL', `cannot decrypt secret ${name}: wrong key or tampered value`, { name });
  }
}
