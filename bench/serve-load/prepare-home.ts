// A JOINERY_HOME for the serve load test: the username template and a create-account step (one POST to
// accounts.example.com, recorded by --dry-run) published and approved, the flow joiner-accounts running
// them in that order on user.joined, a source token, Idempotency-Key opted in for the accounts host, and
// blast-radius limits far above the load.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTypeChecker } from '../../core/build/index.ts';
import { createSqliteFlowStore, type FlowStore } from '../../core/flows/index.ts';
import { publishFunction } from '../../core/pipeline/index.ts';
import { createSqliteRegistry, type Registry } from '../../core/registry/index.ts';
import { closeDatabase, openDatabase } from '../../core/store/index.ts';
import { createSqliteTokenStore, type TokenStore } from '../../core/tokens/index.ts';
import { createExecutor } from '../../sandbox/index.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const ACCOUNTS_HOST = 'accounts.example.com';
export const FLOW = 'joiner-accounts';

const CREATE_ACCOUNT = `import { defineFunction } from '@joinery/sdk';

export default defineFunction<{ steps?: { 'generate-username'?: { username?: string } } }>({
  name: 'create-account',
  description: 'Creates the account for the username the previous step reserved.',
  trigger: 'user.joined',
  egress: ['${ACCOUNTS_HOST}'],
  secrets: [],
  async run(event, ctx) {
    const username = event.steps?.['generate-username']?.username;
    if (!username) throw new Error('no username from the generate-username step');
    const response = await ctx.http.fetch('https://${ACCOUNTS_HOST}/users', { method: 'POST', body: { username, employeeId: event.person.employeeId } });
    return { created: username, status: response.status };
  },
});
`;

const PERSON = { employeeId: 'E1', firstName: 'John', lastName: 'Smith', department: 'Engineering', employmentType: 'employee', startDate: '2026-12-01' };
const CREATE_ACCOUNT_FIXTURES = JSON.stringify([
  {
    name: 'posts the username',
    input: { type: 'user.joined', id: 'evt-1', occurredAt: '2026-11-20T09:00:00Z', person: PERSON, steps: { 'generate-username': { username: 'jsmith' } } },
    http: [{ request: { method: 'POST', url: `https://${ACCOUNTS_HOST}/users` }, response: { status: 201, body: { id: 'a1' } } }],
    expect: { output: { created: 'jsmith', status: 201 } },
  },
]);

/** Returns the source token the load clients use. */
export async function prepareServeHome(home: string): Promise<string> {
  const db = openDatabase(join(home, 'joinery.db'));
  try {
    const stores = { registry: createSqliteRegistry(db), flows: createSqliteFlowStore(db), tokens: createSqliteTokenStore(db) };
    return await prepareServeStores({ home, ...stores });
  } finally {
    closeDatabase(db);
  }
}

/** The same on given stores (Postgres for several nodes); config.json goes into `home`. */
export async function prepareServeStores({ home, registry, flows, tokens }: {
  home: string; registry: Registry; flows: FlowStore; tokens: TokenStore;
}): Promise<string> {
  const checker = createTypeChecker();
  const runner = createExecutor({ concurrency: 1 });
  try {
    const username = join(ROOT, 'templates', 'username');
    const functions = [
      { source: readFileSync(join(username, 'username.ts'), 'utf8'), fixturesText: readFileSync(join(username, 'username.fixtures.json'), 'utf8') },
      { source: CREATE_ACCOUNT, fixturesText: CREATE_ACCOUNT_FIXTURES },
    ];
    for (const input of functions) {
      const published = await publishFunction({ ...input, author: 'alice', toolchain: { checker, runner, allowedPackages: [] }, registry });
      if (!published.ok) throw new Error(`a load-test function did not publish: ${JSON.stringify(published)}`);
      registry.review({ name: published.version.name, version: published.version.version, reviewer: 'carol', decision: 'approved' });
    }
    const flow = flows.publish({ definition: { name: FLOW, trigger: 'user.joined', steps: [{ function: 'generate-username' }, { function: 'create-account' }] }, author: 'alice' });
    flows.review({ name: flow.name, version: flow.version, reviewer: 'carol', decision: 'approved' });
    // The blast-radius guard's default (60 runs a minute) would quarantine the flow within a second here.
    const guards = { defaults: { runsPerMinute: 1_000_000, runsPerHour: 10_000_000 } };
    writeFileSync(join(home, 'config.json'), JSON.stringify({ idempotencyKeys: [ACCOUNTS_HOST], guards }));
    return tokens.create({ name: 'load-clients', role: 'source', lifetimeMs: 3_600_000 }).token;
  } finally {
    await checker.close();
    await runner.close();
  }
}
