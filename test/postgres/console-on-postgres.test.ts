// The review console on Postgres: `joinery serve` with JOINERY_DATABASE_URL serves it (its audit trail now
// reads Postgres), an auditor signs in with a token, and the audit page lists the review and the sign-in
// refused a moment before, read back from the database.

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServe, type ServeProcess } from '../../bench/serve-load/serve-process.ts';
import { openPostgres, type PostgresDatabase } from '../../core/postgres/index.ts';
import { createPostgresRegistry } from '../../core/registry/index.ts';
import { createPostgresTokenStore } from '../../core/tokens/index.ts';
import { samplePublishInput } from '../registry/sample-publish-input.ts';
import { createTestDatabase, postgresAvailable } from './test-database.ts';

/** The value of a Set-Cookie header's cookie `name`. */
function cookie(response: Response, name: string): string {
  const header = response.headers.getSetCookie().find((line) => line.startsWith(`${name}=`));
  if (header === undefined) throw new Error(`no ${name} cookie in ${response.status} ${response.url}`);
  return header.split(';')[0] ?? '';
}

describe.skipIf(!postgresAvailable())('the review console on Postgres', () => {
  let database: { url: string; drop(): void };
  let postgres: PostgresDatabase;
  let home: string;
  let node: ServeProcess | undefined;
  beforeEach(() => {
    database = createTestDatabase();
    postgres = openPostgres({ url: database.url });
    home = mkdtempSync(join(tmpdir(), 'joinery-console-postgres-'));
  });
  afterEach(async () => {
    await node?.stop('SIGKILL');
    await postgres.close();
    database.drop();
    rmSync(home, { recursive: true, force: true });
  });

  it('serves the audit page from the Postgres audit trail to a signed-in auditor', async () => {
    const registry = createPostgresRegistry(postgres.sync);
    registry.publish(samplePublishInput());
    registry.review({ name: 'generate-username', version: 1, reviewer: 'rita', decision: 'approved', comment: 'fine' });
    const { token } = createPostgresTokenStore(postgres.sync).create({ name: 'audra', role: 'auditor', lifetimeMs: 3_600_000 });
    writeFileSync(join(home, 'config.json'), '{}');
    node = await startServe({ home, workers: 1, leaseSeconds: 5, databaseUrl: database.url, env: { JOINERY_SECRET_KEY: randomBytes(32).toString('hex') } });

    const form = await fetch(`${node.url}/sign-in`);
    expect(form.status).toBe(200);
    const signInCookie = cookie(form, 'joinery_sign_in');
    const csrf = /name="csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
    const post = (secret: string) =>
      fetch(`${node?.url}/sign-in`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: signInCookie },
        body: new URLSearchParams({ csrf, next: '/audit', token: secret }).toString(),
      });
    expect((await post('not-a-token')).status).toBe(401);
    const signedIn = await post(token);
    expect(signedIn.status).toBe(303);
    const session = signedIn.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');

    const page = await fetch(`${node.url}/audit`, { headers: { cookie: session } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('review.approved');
    expect(html).toContain('generate-username@1');
    expect(html).toContain('console.sign-in');
  }, 120_000);
});
