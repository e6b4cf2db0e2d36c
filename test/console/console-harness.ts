// A real `joinery serve` with the console over an in-memory store and the real toolchain (type-checker,
// bundler, isolated-vm executor): generate-username @1 active (ø → oe), @2 pending review (ø → o, written
// by the agent for alice), and notify-helpdesk, approved, run once in a dry run with its secret set.

import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { createSqliteAuditTrail } from '../../core/audit/index.ts';
import { createSqliteDirectory } from '../../core/directory/index.ts';
import { createSqliteEventQueue } from '../../core/events/index.ts';
import { publishFunction, runFunction } from '../../core/pipeline/index.ts';
import { createSqliteRegistry, type Registry } from '../../core/registry/index.ts';
import { createSqliteExecutionRetention } from '../../core/retention/index.ts';
import { createSecretStore } from '../../core/secrets/index.ts';
import { openDatabase, type SqliteDatabase } from '../../core/store/index.ts';
import { createSqliteTokenStore, type TokenRole } from '../../core/tokens/index.ts';
import { createDryRunFetch } from '../../sandbox/egress/index.ts';
import { createLogger, startServer, type RunningServer } from '../../server/index.ts';
import { createRealToolchain } from '../helpers/real-toolchain.ts';
import { usernameFixtures, usernameSource } from '../../bench/console-username.ts';

export const HELPDESK_SECRET = 'hd-7f3a9c1e5b2d48f6a0c4e8b1d3f5a7c9';
export const REQUIREMENT = 'Usernames are the first initial plus the last name. Danish ø is written as o, as HR asked (ticket HR-1142).';

const HELPDESK_SOURCE = `import { defineFunction } from '@joinery/sdk';

export default defineFunction({
  name: 'notify-helpdesk',
  description: 'Opens a helpdesk ticket for each joiner.',
  trigger: 'user.joined',
  egress: ['api.example.com'],
  secrets: ['HELPDESK_TOKEN'],
  async run(event, ctx) {
    const token = await ctx.secrets.get('HELPDESK_TOKEN');
    const request = { method: 'POST', headers: { authorization: 'Bearer ' + token }, body: { person: event.person.firstName } };
    await ctx.http.fetch('https://api.example.com/tickets', request);
    ctx.log.info('ticket opened with ' + token);
    return { opened: true };
  },
});
`;

const HELPDESK_FIXTURES = JSON.stringify([
  {
    name: 'opens a ticket',
    input: {
      type: 'user.joined',
      id: 'e1',
      occurredAt: '2026-11-20T09:00:00Z',
      person: {
        employeeId: 'E1',
        firstName: 'Ada',
        lastName: 'Lovelace',
        department: 'R&D',
        employmentType: 'employee',
        startDate: '2026-12-01',
      },
    },
    secrets: { HELPDESK_TOKEN: 'fixture-token' },
    http: [
      {
        request: { method: 'POST', url: 'https://api.example.com/tickets' },
        response: { status: 201, body: { id: 7 } },
      },
    ],
    expect: { output: { opened: true } },
  },
]);

export interface ConsoleHarness {
  server: RunningServer;
  url: string;
  db: SqliteDatabase;
  registry: Registry;
  token(role: TokenRole, name: string): string;
  /** The id of notify-helpdesk's recorded execution. */
  helpdeskExecutionId: number;
  close(): Promise<void>;
}

export async function startConsoleHarness(): Promise<ConsoleHarness> {
  const db = openDatabase(':memory:');
  const registry = createSqliteRegistry(db);
  const tokens = createSqliteTokenStore(db);
  const directory = createSqliteDirectory(db);
  const secrets = createSecretStore({ db, key: randomBytes(32) });
  const toolchain = createRealToolchain();
  const publish = async (options: { source: string; fixturesText: string; author: string; requestedBy?: string; requirement?: string; spec?: string }) => {
    const result = await publishFunction({ ...options, toolchain, registry });
    if (!result.ok) throw new Error(`publish failed: ${JSON.stringify(result.test.check.problems ?? result.test.report)}`);
    return result.version;
  };
  await publish({
    source: usernameSource({ oSlash: 'oe' }),
    fixturesText: usernameFixtures({ soren: 'soedegard' }),
    author: 'alice',
    requirement: 'First initial plus last name.',
  });
  registry.review({
    name: 'generate-username',
    version: 1,
    reviewer: 'rita',
    decision: 'approved',
  });
  await publish({
    source: usernameSource({ oSlash: 'o' }),
    fixturesText: usernameFixtures({ soren: 'sodegard' }),
    author: 'agent:functions-author',
    requestedBy: 'alice',
    requirement: REQUIREMENT,
    spec: 'ø → o; otherwise unchanged',
  });
  await publish({
    source: HELPDESK_SOURCE,
    fixturesText: HELPDESK_FIXTURES,
    author: 'alice',
  });
  registry.review({
    name: 'notify-helpdesk',
    version: 1,
    reviewer: 'rita',
    decision: 'approved',
  });
  secrets.set('HELPDESK_TOKEN', HELPDESK_SECRET);
  const execution = await runFunction({
    name: 'notify-helpdesk',
    event: {
      type: 'user.joined',
      id: 'evt-42',
      occurredAt: '2026-11-20T09:00:00Z',
      person: { firstName: 'Ada', lastName: 'Lovelace' },
      note: HELPDESK_SECRET,
    },
    caller: 'test',
    dryRun: true,
    registry,
    directory,
    secrets,
    runner: toolchain.runner,
    fetchFor: (egress) => createDryRunFetch({ allowedHosts: egress }).fetch,
  });
  const server = await startServer({
    queue: createSqliteEventQueue(db),
    tokens,
    registry,
    port: 0,
    workers: 1,
    logger: createLogger({
      destination: new Writable({ write: (_chunk, _encoding, done) => done() }),
    }),
    runStep: async () => {
      throw new Error('no steps in console tests');
    },
    console: {
      auditTrail: createSqliteAuditTrail(db),
      behaviour: {
        runner: toolchain.runner,
        directory,
        maxEvents: 100,
        timeLimitMs: 20_000,
      },
      retention: { store: createSqliteExecutionRetention(db), days: 90 },
    },
  });
  return {
    server,
    url: server.url,
    db,
    registry,
    token: (role, name) => tokens.create({ name, role, lifetimeMs: 3_600_000 }).token,
    helpdeskExecutionId: execution.id,
    close: async () => {
      await server.stop({ deadlineMs: 1_000 });
      await toolchain.close();
      db.close();
    },
  };
}
