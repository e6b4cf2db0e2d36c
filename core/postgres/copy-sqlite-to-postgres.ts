// `joinery migrate-store`: an SQLite home copied into an empty Postgres database, in one transaction. Rows
// keep their keys (version numbers, ids), digests and ciphertext; nothing is decrypted or recomputed. The
// target's own triggers stay on and check the copy as they check every write: versions go in numbered in
// order, functions point at approved versions only once those are in.

import { JoineryError, isJoineryError } from '../errors.ts';
import type { SqliteDatabase } from '../store/index.ts';
import { copyTable, quote, setColumnsAfterCopy, type CopyProgress } from './copy-table.ts';
import { applyPostgresMigrations, appliedPostgresMigrationIds } from './migrate.ts';
import { POSTGRES_MIGRATIONS } from './migrations.ts';
import { COPIED_TABLES, SKIPPED_TABLES } from './sqlite-copy-plan.ts';
import type { SyncSql } from './types.ts';

interface TableCount {
  table: string;
  /** Rows in the SQLite home. */
  source: number;
  /** Rows in Postgres after the copy (0 on a dry run). */
  target: number;
}

export interface StoreCopyReport {
  dryRun: boolean;
  tables: TableCount[];
  skipped: Array<{ table: string; reason: string }>;
}

interface CopySqliteToPostgresOptions {
  source: SqliteDatabase;
  target: SyncSql;
  /** Count what would be copied and check the target is empty; write nothing, not even the schema. */
  dryRun?: boolean;
  batchRows?: number;
  onProgress?: (progress: CopyProgress) => void;
  /** Tests only: called after each table is copied, inside the transaction. */
  _internal?: { afterTable?: (table: string) => void };
}

export function copySqliteToPostgres({
  source,
  target,
  dryRun = false,
  batchRows = 500,
  onProgress,
  _internal = {},
}: CopySqliteToPostgresOptions): StoreCopyReport {
  assertKnownTables(source);
  const skipped = Object.entries(SKIPPED_TABLES).map(([table, reason]) => ({ table, reason }));
  // One read transaction: the counts and the rows come from one snapshot of the home.
  return source.transaction((): StoreCopyReport => {
    const sourceCounts = countRows((table) => (source.prepare(`SELECT count(*) AS n FROM ${quote(table)}`).get() as { n: number }).n);
    if (dryRun) {
      if (appliedPostgresMigrationIds(target).length > 0) assertTargetEmpty(target);
      return { dryRun, tables: COPIED_TABLES.map(({ table }) => ({ table, source: sourceCounts.get(table) ?? 0, target: 0 })), skipped };
    }
    applyPostgresMigrations(target, POSTGRES_MIGRATIONS);
    const tables = inOneTransaction(target, () => {
      assertTargetEmpty(target);
      for (const plan of COPIED_TABLES) {
        copyTable({ source, target, plan, total: sourceCounts.get(plan.table) ?? 0, batchRows, ...(onProgress ? { onProgress } : {}) });
        _internal.afterTable?.(plan.table);
      }
      for (const plan of COPIED_TABLES) setColumnsAfterCopy(source, target, plan);
      moveIdentitiesPastCopiedKeys(target);
      const targetCounts = countTargetRows(target);
      const counted = COPIED_TABLES.map(({ table }) => ({ table, source: sourceCounts.get(table) ?? 0, target: targetCounts.get(table) ?? 0 }));
      assertCountsMatch(counted);
      return counted;
    });
    return { dryRun, tables, skipped };
  })();
}

/** A source table in neither list would be lost silently: refuse instead. */
function assertKnownTables(source: SqliteDatabase): void {
  const listed = source.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>;
  const tables = listed.map((row) => row.name);
  const known = new Set([...COPIED_TABLES.map(({ table }) => table), ...Object.keys(SKIPPED_TABLES)]);
  const unknown = tables.filter((table) => !known.has(table));
  if (unknown.length > 0) {
    const message = `the SQLite home has tables this Joinery does not know how to copy (${unknown.join(', ')}); upgrade Joinery before migrating it`;
    throw new JoineryError('INTERNAL', message, { unknown });
  }
}

function inOneTransaction<T>(target: SyncSql, work: () => T): T {
  try {
    return target.transaction(work);
  } catch (error) {
    if (isJoineryError(error) && error.code === 'CONFLICT') throw error;
    const message = error instanceof Error ? error.message : String(error);
    const code = isJoineryError(error) ? error.code : 'INTERNAL';
    throw new JoineryError(code, `${message} (the copy was rolled back: the target holds no Joinery data)`, isJoineryError(error) ? error.details : undefined);
  }
}

function countRows(count: (table: string) => number): Map<string, number> {
  return new Map(COPIED_TABLES.map(({ table }) => [table, count(table)]));
}

function countTargetRows(target: SyncSql): Map<string, number> {
  const union = COPIED_TABLES.map(({ table }, index) => `SELECT $${index + 1}::text AS name, count(*) AS n FROM ${quote(table)}`).join(' UNION ALL ');
  const rows = target.query<{ name: string; n: number }>(union, COPIED_TABLES.map(({ table }) => table)).rows;
  return new Map(rows.map((row) => [row.name, Number(row.n)]));
}

function assertTargetEmpty(target: SyncSql): void {
  const holding = [...countTargetRows(target)].filter(([, rows]) => rows > 0);
  if (holding.length === 0) return;
  const listed = holding.map(([table, rows]) => `${table}: ${rows} row${rows === 1 ? '' : 's'}`).join(', ');
  throw new JoineryError(
    'CONFLICT',
    `the target database already holds Joinery data (${listed}); migrate-store copies into an empty database only: point --to at a new database`,
    { tables: Object.fromEntries(holding) },
  );
}

function assertCountsMatch(tables: TableCount[]): void {
  const differing = tables.filter(({ source, target }) => source !== target);
  if (differing.length === 0) return;
  const listed = differing.map(({ table, source, target }) => `${table}: ${source} in SQLite, ${target} in Postgres`).join(', ');
  throw new JoineryError('INTEGRITY', `the row counts differ after the copy (${listed})`, { differing });
}

/** Identity columns given explicit values (ids copied from SQLite) continue after the largest one. */
function moveIdentitiesPastCopiedKeys(target: SyncSql): void {
  const identities = target.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND is_identity = 'YES' AND table_name = ANY($1::text[])`,
    [`{${COPIED_TABLES.map(({ table }) => table).join(',')}}`],
  ).rows;
  for (const { table_name: table, column_name: column } of identities) {
    const next = `COALESCE((SELECT max(${quote(column)}) FROM ${quote(table)}), 0) + 1`;
    target.query(`SELECT setval(pg_get_serial_sequence($1, $2), ${next}, false)`, [quote(table), column]);
  }
}
