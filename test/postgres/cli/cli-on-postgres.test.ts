// JOINERY_DATABASE_URL selects Postgres for the CLI: the same publish, four-eyes review, list, run --dry-run
// and schedule, spawned once on an SQLite home and once on a Postgres database, give the same results; the
// SQLite home of the Postgres run gets no joinery.db. `joinery serve` on Postgres runs a posted event.

import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, postgresAvailable } from '../test-database.ts';
import { cliWorkspace } from './cli-workspace.ts';
import { spawnCli } from './spawn-cli.ts';


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

const workspace = () => cliWorkspace('joinery-cli-postgres-');

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
