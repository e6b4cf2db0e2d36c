// `joinery migrate-store` as an operator runs it: an SQLite home with a published, reviewed and run function
// and a schedule is copied into Postgres; afterwards the audit export, list, show (with its digest check) and
// run give the same results on the Postgres URL as on the home, and the next publish is numbered after the
// copied versions. A dry run and a second copy into the same database write nothing.

import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appliedPostgresMigrationIds, COPIED_TABLES, openSyncConnection } from '../../../core/postgres/index.ts';
import { cliWorkspace } from '../cli/cli-workspace.ts';
import { spawnCli } from '../cli/spawn-cli.ts';
import { createTestDatabase, postgresAvailable } from '../test-database.ts';


const workspace = () => cliWorkspace('joinery-migrate-store-cli-');

describe.skipIf(!postgresAvailable())('joinery migrate-store', () => {
  let database: { url: string; drop(): void };
  let place: { cwd: string; home: string };
  const cli = async (args: string[], env: Record<string, string> = {}) => {
    const run = await spawnCli([...args, '--json'], { cwd: place.cwd, env: { JOINERY_HOME: place.home, ...env } });
    return { code: run.code, stderr: run.stderr, json: run.stdout === '' ? undefined : JSON.parse(run.stdout) };
  };
  const ok = async (args: string[], env: Record<string, string> = {}) => {
    const run = await cli(args, env);
    if (run.code !== 0) throw new Error(`joinery ${args.join(' ')} exited ${run.code}: ${run.stderr}${JSON.stringify(run.json)}`);
    return run.json;
  };
  /** What list, show and run print, without times and execution ids. */
  const observe = async (env: Record<string, string>) => {
    const listed = await ok(['list'], env);
    const shown = await ok(['show', 'generate-username@1'], env);
    const ran = await ok(['run', 'generate-username', '--input', 'event.json', '--dry-run'], env);
    return { functions: listed.functions, shown, outcome: ran.execution.outcome, version: ran.execution.version };
  };
  beforeAll(() => {
    database = createTestDatabase({ migrated: false });
    place = workspace();
  });
  afterAll(() => {
    database.drop();
    rmSync(place.cwd, { recursive: true, force: true });
  });

  it('copies a home into Postgres; list, show and run then agree, and the digest check passes', async () => {
    await ok(['publish', 'username.ts', '--as', 'alice']);
    await ok(['review', 'generate-username@1', '--approve', '--as', 'carol']);
    await ok(['run', 'generate-username', '--input', 'event.json', '--dry-run']);
    await ok(['schedule', 'set', 'nightly', '--cron', '0 2 * * *', '--function', 'generate-username', '--as', 'alice']);
    const onSqlite = await observe({});
    const exportOn = async (env: Record<string, string>) => {
      const run = await spawnCli(['audit', 'export', '--format', 'jsonl'], { cwd: place.cwd, env: { JOINERY_HOME: place.home, ...env } });
      if (run.code !== 0) throw new Error(`joinery audit export exited ${run.code}: ${run.stderr}`);
      return run.stdout.trim().split('\n').map((line) => JSON.parse(line));
    };
    const trailOnSqlite = await exportOn({});

    const dry = await ok(['migrate-store', '--to', database.url, '--dry-run']);
    expect(dry.dryRun).toBe(true);
    const probe = openSyncConnection({ connectionString: database.url });
    try {
      expect(appliedPostgresMigrationIds(probe)).toEqual([]);
    } finally {
      probe.close();
    }

    const copied = await ok(['migrate-store', '--to', database.url]);
    expect(copied.tables.map((row: { table: string }) => row.table)).toEqual(COPIED_TABLES.map(({ table }) => table));
    expect(copied.tables).toEqual(dry.tables.map((row: { table: string; source: number }) => ({ ...row, target: row.source })));
    expect(copied.tables.find((row: { table: string }) => row.table === 'versions')).toEqual({ table: 'versions', source: 1, target: 1 });
    expect(copied.skipped).toEqual([{ table: 'migrations', reason: expect.stringContaining('schema ledger') }]);

    const trailOnPostgres = await exportOn({ JOINERY_DATABASE_URL: database.url });
    expect(trailOnSqlite.map((entry: { action: string }) => entry.action)).toContain('review.approved');
    expect(trailOnPostgres).toEqual(trailOnSqlite);
    const onPostgres = await observe({ JOINERY_DATABASE_URL: database.url });
    expect(onPostgres.shown.integrity.ok).toBe(true);
    expect(onPostgres).toEqual(onSqlite);
    const schedules = await ok(['schedule', 'list'], { JOINERY_DATABASE_URL: database.url });
    expect(schedules.schedules.map((entry: { name: string }) => entry.name)).toEqual(['nightly']);
    writeFileSync(join(place.cwd, 'username.ts'), `${readFileSync(join(place.cwd, 'username.ts'), 'utf8')}\n// next\n`);
    const next = await ok(['publish', 'username.ts', '--as', 'alice'], { JOINERY_DATABASE_URL: database.url });
    expect(next.published.version).toBe(2);
  }, 300_000);

  it('refuses to copy into the same database again, and says why', async () => {
    const again = await cli(['migrate-store', '--to', database.url]);
    expect(again.code).toBe(2);
    const holding = 'functions: 1 row, versions: 2 rows, reviews: 1 row, executions: \\d+ rows?, audit: \\d+ rows?, schedules: 1 row';
    const advice = 'migrate-store copies into an empty database only: point --to at a new database';
    const refusal = `^the target database already holds Joinery data \\(${holding}\\); ${advice}$`;
    expect(again.json.error.message).toMatch(new RegExp(refusal));
  }, 60_000);

  it('refuses a --to that is not a postgres:// URL, and a home with no joinery.db', async () => {
    const notPostgres = await cli(['migrate-store', '--to', 'mysql://localhost/joinery']);
    expect(notPostgres.json.error.message).toBe('--to must be a postgres:// URL (see joinery migrate-store --help)');
    const empty = await spawnCli(['migrate-store', '--to', database.url], { cwd: place.cwd, env: { JOINERY_HOME: join(place.cwd, 'nowhere') } });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('there is no SQLite home to copy');
  }, 60_000);
});
