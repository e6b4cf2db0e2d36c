import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSecretKey, resolveSecretKey } from '../../core/secrets/index.ts';
import { expectError } from '../registry/expect-joinery-error.ts';

describe('loadSecretKey', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'joinery-key-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('reads JOINERY_SECRET_KEY as 64 hex characters or as base64 of 32 bytes', () => {
    const key = randomBytes(32);
    expect(resolveSecretKey({ env: { JOINERY_SECRET_KEY: key.toString('hex') } })).toEqual({ key, source: 'env', created: false });
    expect(loadSecretKey({ env: { JOINERY_SECRET_KEY: key.toString('hex') } })).toEqual(key);
    expect(loadSecretKey({ env: { JOINERY_SECRET_KEY: key.toString('base64') } }).equals(key)).toBe(true);
    expect(loadSecretKey({ env: { JOINERY_SECRET_KEY: key.toString('base64url') } }).equals(key)).toBe(true);
  });

  it.each([
    'too-short',
    'z'.repeat(64),
    randomBytes(31).toString('hex'),
    randomBytes(24).toString('base64'),
    randomBytes(33).toString('base64'),
  ])('refuses the malformed key %j without echoing it', (value) => {
    const error = expectError(() => loadSecretKey({ env: { JOINERY_SECRET_KEY: value } }), 'INVALID_INPUT', 'JOINERY_SECRET_KEY must be 64 hexadecimal characters or the base64 of 32 bytes');
    expect(error.message).not.toContain(value);
  });

  it('creates a key file with mode 0600 on first use and reads the same key afterwards', () => {
    const keyFile = join(folder, 'config', 'secret.key');
    const first = resolveSecretKey({ env: {}, keyFile });
    expect(first).toMatchObject({ source: 'key-file', created: true });
    expect(first.key).toHaveLength(32);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyFile, 'utf8')).toBe(`${first.key.toString('hex')}\n`);
    const second = resolveSecretKey({ env: { JOINERY_SECRET_KEY: '' }, keyFile });
    expect(second).toEqual({ key: first.key, source: 'key-file', created: false });
  });

  it('prefers the environment over the key file', () => {
    const keyFile = join(folder, 'secret.key');
    loadSecretKey({ env: {}, keyFile });
    const key = randomBytes(32);
    expect(loadSecretKey({ env: { JOINERY_SECRET_KEY: key.toString('hex') }, keyFile }).equals(key)).toBe(true);
  });

  it.each([0o640, 0o604, 0o644, 0o660])('refuses a key file with mode %o, naming no path', (mode) => {
    const keyFile = join(folder, 'secret.key');
    loadSecretKey({ env: {}, keyFile });
    chmodSync(keyFile, mode);
    const error = expectError(() => loadSecretKey({ env: {}, keyFile }), 'INVALID_INPUT', 'accessible to group or others');
    expect(error.message).toContain(`mode 0${mode.toString(8)}`);
    expect(error.message).not.toContain(folder);
    expect(error.details).toEqual({ keyFile });
  });

  it('refuses a key file that does not hold a key, and a missing key source', () => {
    const keyFile = join(folder, 'secret.key');
    writeFileSync(keyFile, 'not a key\n', { mode: 0o600 });
    expectError(() => loadSecretKey({ env: {}, keyFile }), 'INVALID_INPUT', 'must hold 64 hexadecimal characters');
    expectError(() => loadSecretKey({ env: {} }), 'INVALID_INPUT', 'no secret key');
  });
});
