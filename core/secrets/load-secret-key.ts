// Where the secret store's key comes from: JOINERY_SECRET_KEY (64 hex characters, or the base64 of 32
// bytes), else a key file, created on first use with mode 0600. A key file that group or others can
// read is refused, because whoever reads it can decrypt every secret. Messages name no host path (the
// path is in `details.keyFile` for the operator).

import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { JoineryError } from '../errors.ts';
import { KEY_BYTES } from './secret-cipher.ts';

export const SECRET_KEY_ENV = 'JOINERY_SECRET_KEY';

export interface LoadSecretKeyOptions {
  env?: Record<string, string | undefined>;
  /** Used when the environment variable is unset or empty. */
  keyFile?: string;
  _internal?: { platform?: NodeJS.Platform };
}

export interface LoadedSecretKey {
  key: Buffer;
  source: 'env' | 'key-file';
  /** True when this call created the key file: tell the operator to back it up, or lose every secret. */
  created: boolean;
}

/** The 32-byte key, or INVALID_INPUT saying what is wrong with the configured one. */
export function loadSecretKey(options: LoadSecretKeyOptions = {}): Buffer {
  return resolveSecretKey(options).key;
}

/** loadSecretKey, also telling where the key came from and whether the key file was just created. */
export function resolveSecretKey({
  env = process.env, keyFile, _internal: { platform = process.platform } = {},
}: LoadSecretKeyOptions = {}): LoadedSecretKey {
  const fromEnv = env[SECRET_KEY_ENV]?.trim();
  if (fromEnv) return { key: parseEnvKey(fromEnv), source: 'env', created: false };
  if (keyFile === undefined) {
    throw new JoineryError('INVALID_INPUT', `no secret key: set ${SECRET_KEY_ENV} or configure a key file`);
  }
  const created = createKeyFileIfMissing(keyFile);
  return { key: readKeyFile(keyFile, platform), source: 'key-file', created };
}

function parseEnvKey(text: string): Buffer {
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) {
    const key = Buffer.from(text, 'base64');
    if (key.length === KEY_BYTES) return key;
  }
  throw new JoineryError(
    'INVALID_INPUT',
    `${SECRET_KEY_ENV} must be 64 hexadecimal characters or the base64 of ${KEY_BYTES} bytes ` +
      `(it is ${text.length} characters long); generate one with: openssl rand -hex 32`,
  );
}

/**
 * Written whole under a private temporary name, then linked into place: link() fails with EEXIST when the
 * key file exists, so of several processes starting together on a new home exactly one key is published,
 * and a loser never reads a file the winner has created but not yet written. The loser reads the winner's.
 */
function createKeyFileIfMissing(keyFile: string): boolean {
  mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 });
  if (existsSync(keyFile)) return false;
  const temporary = `${keyFile}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const descriptor = openSync(temporary, 'wx', 0o600);
    try {
      writeSync(descriptor, `${randomBytes(KEY_BYTES).toString('hex')}\n`);
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    linkSync(temporary, keyFile);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new JoineryError('INTERNAL', `cannot create the secret key file (${(error as Error).message})`, { keyFile });
  } finally {
    rmSync(temporary, { force: true });
  }
}

function readKeyFile(keyFile: string, platform: NodeJS.Platform): Buffer {
  const mode = statSync(keyFile).mode & 0o777;
  if (platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new JoineryError(
      'INVALID_INPUT',
      `the secret key file is accessible to group or others (mode ${mode.toString(8).padStart(4, '0')}); ` +
        'make it private with chmod 600',
      { keyFile },
    );
  }
  const text = readFileSync(keyFile, 'utf8').trim();
  if (!/^[0-9a-fA-F]{64}$/.test(text)) {
    throw new JoineryError('INVALID_INPUT', 'the secret key file must hold 64 hexadecimal characters', { keyFile });
  }
  return Buffer.from(text, 'hex');
}
