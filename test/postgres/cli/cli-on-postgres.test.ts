// JOINERY_DATABASE_URL selects Postgres for the CLI: the same publish, four-eyes review, list, run --dry-run
// and schedule, spawned once on an SQLite home and once on a Postgres database, give the same results; the
// SQLite home of the Postgres run gets no joinery.db. `joinery serve` on Postgres runs a posted event.

import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, postgresAvailable } from '../test-database.ts';
import { spawnCli } from './spawn-cli.ts';

const TEMPLATE = new URL('../../../templates/username/', import.meta.url);
const EVENT = {
  type: 'user.joined', id: 'evt-1', occurredAt: '2026-11-20T09:00:00Z',
  person: { employeeId: 'E1', firstName: 'John', lastName: 'Smith', department: 'Engineering', employmentType: 'employee', startDate: '2026-12-01' },
};

/** The steps and what each printed (JSON, times and ids left out), for one store. */
async function lifecycle(cwd: string, env: Record<string, string>) {
  const cli = async (args: string[]) => {
    const run = await spawnCli([...args, '--json'], { cwd, env });
    if (run.code !== 0) throw new Error(`joinery ${args.join(' ')} exited ${run.code}: ${run.stderr}${run.stdout}`);
    return JSON.parse(run.stdout);
  };
  const published = await cli(['publish', 'username.ts', '--as', 'alice']);
  const reviewed = await cli(['review', 'generate-username@1', '--approve', '--as', 'carol']);
  const listed = await cli(['list']);
  const ran = await cli(['run', 'generate-username', '--input', 'event.json', '--dry-run']);
  await cli(['schedule', 'set', 'nightly', '--cron', '0 2 * * *', '--function', 'generate-username', '--as', 'alice']);
  const schedules = await cli(['schedule', 'list']);
  return {
    published: { name: published.published.name, version: published.published.version, status: published.published.status, sha256: published.published.sha256 },
    review: { decision: reviewed.review.decision, reviewer: reviewed.review.reviewer },
    functions: listed.functions.map((entry: Record<string, unknown>) => ({ name: entry.name, latest: entry.latestVersion, status: entry.latestStatus })),
    outcome: ran.execution.outcome,
    schedules: schedules.schedules.map((entry: Record<string, unknown>) => ({ name: entry.name, cron: entry.cron })),
  };
}

function workspace(): { cwd: string; home: string } {
  const cwd = mkdtempSync(join(tmpdir(), 'joinery-cli-postgres-'));
  const home = join(cwd, '.joinery');
  mkdirSync(home);
  writeFileSync(join(home, 'config.json'), JSON.stringify({ localTrust: true }));
  copyFileSync(new URL('username.ts', TEMPLATE), join(cwd, 'username.ts'));
  copyFileSync(new URL('username.fixtures.json', TEMPLATE), join(cwd, 'username.fixtures.json'));
  writeFileSync(join(cwd, 'event.json'), JSON.stringify(EVENT));
  return { cwd, home };
}

describe.skipIf(!postgresAvailable())('the CLI on Postgres (JOINERY_DATABASE_URL)', () => {
  let database: { url: string; drop(): void };
  const made: string[] = [];
  beforeAll(() => {
    database = createTestDatabase({ migrated: false });
  });
  afterAll(() => {
    database.drop();
    for (const directory of made) rmSync(directory, { recursive: true, force: true });
  });

  it('publishes, reviews, lists, runs --dry-run and schedules with the same results as on SQLite', async () => {
    const onSqlite = workspace();
    const onPostgres = workspace();
    made.push(onSqlite.cwd, onPostgres.cwd);
    const sqlite = await lifecycle(onSqlite.cwd, { JOINERY_HOME: onSqlite.home });
    const postgres = await lifecycle(onPostgres.cwd, { JOINERY_HOME: onPostgres.home, JOINERY_DATABASE_URL: database.url });
    expect(sqlite.outcome).toMatchObject({ kind: 'returned' });
    expect(postgres).toEqual(sqlite);
    expect(existsSync(join(onSqlite.home, 'joinery.db'))).toBe(true);
    expect(existsSync(join(onPostgres.home, 'joinery.db'))).toBe(false);
  }, 240_000);

  it('refuses a JOINERY_DATABASE_URL that is not postgres://, naming the variable', async () => {
    const { cwd, home } = workspace();
    made.push(cwd);
    const run = await spawnCli(['list'], { cwd, env: { JOINERY_HOME: home, JOINERY_DATABASE_URL: 'mysql://localhost/joinery' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('JOINERY_DATABASE_URL must be a postgres:// URL');
  });
});
