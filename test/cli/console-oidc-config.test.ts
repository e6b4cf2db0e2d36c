// config.json's console.oidc (the console's client at the identity provider) with the top-level "oidc"
// section (issuer and role mapping): both give the console a sign-in with the issuer; console.oidc alone
// is a clear INVALID_INPUT, and a client without a redirect URI is refused when the file is read.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../cli/config.ts';
import type { CliContext } from '../../cli/context.ts';
import { consoleOptions } from '../../cli/console-options.ts';
import { openStores } from '../../cli/stores.ts';
import { openDatabase } from '../../core/store/index.ts';

const homes: string[] = [];
afterEach(() => {
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});

function optionsFor(config: unknown) {
  const home = mkdtempSync(join(tmpdir(), 'joinery-console-oidc-'));
  homes.push(home);
  writeFileSync(join(home, 'config.json'), JSON.stringify(config));
  const parsed = loadConfig(home);
  // Only what consoleOptions reads: the config and the directory.
  const context = { config: () => parsed, directory: () => undefined } as unknown as CliContext;
  const db = openDatabase(':memory:');
  try {
    const stores = openStores({ env: {}, sqlite: () => db, secretKey: () => Buffer.alloc(32) }).ports;
    return consoleOptions({ context, stores, runner: {} as never, limits: {} });
  } finally {
    db.close();
  }
}

const CLIENT = { clientId: 'joinery-console', redirectUri: 'https://joinery.example.com/sign-in/oidc/callback' };
const OIDC = { issuer: 'https://login.example.com', audience: 'api://joinery', roleClaim: 'roles' };

describe('console.oidc in config.json', () => {
  it('gives the console a sign-in with the issuer when both sections are there', () => {
    expect(optionsFor({ oidc: OIDC, console: { oidc: CLIENT } }).oidc?.issuer).toBe(OIDC.issuer);
    expect(optionsFor({ oidc: OIDC }).oidc).toBeUndefined();
  });

  it('refuses console.oidc without the top-level oidc section, and a client without a redirect URI', () => {
    expect(() => optionsFor({ console: { oidc: CLIENT } })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => optionsFor({ oidc: OIDC, console: { oidc: { clientId: 'x' } } })).toThrow(/console\.oidc\.redirectUri/);
  });
});
