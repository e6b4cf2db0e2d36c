// Copying one SQLite table's rows into the same table on Postgres, in the source's insertion order (so the
// target's `seq` identity columns number them as SQLite's rowid did), in multi-row INSERTs. BLOB columns
// cross as hex and land in BYTEA through decode(): secrets keep their ciphertext byte for byte.

import { JoineryError } from '../errors.ts';
import type { SqliteDatabase } from '../store/index.ts';
import type { CopiedTable } from './sqlite-copy-plan.ts';
import type { SqlParameter, SyncSql } from './types.ts';

/** Parameters per statement stay well under Postgres's limit of 65,535. */
const MAX_PARAMETERS = 20_000;

export interface CopyProgress {
  table: string;
  copied: number;
  total: number;
}

interface CopyTableOptions {
  source: SqliteDatabase;
  target: SyncSql;
  plan: CopiedTable;
  total: number;
  batchRows: number;
  /** Called after each statement of a table larger than one batch. */
  onProgress?: (progress: CopyProgress) => void;
}

export function copyTable({ source, target, plan, total, batchRows, onProgress }: CopyTableOptions): void {
  const { table } = plan;
  const targetTypes = targetColumnTypes(target, table);
  const byteColumns = new Set([...targetTypes].filter(([, type]) => type === 'bytea').map(([column]) => column));
  const columns = sourceColumns(source, table).filter((column) => !plan.setAfterCopy?.includes(column));
  assertColumnsExist(targetTypes, table, columns);
  const order = plan.numberedVersions ? 'name, version' : 'rowid';
  const select = source.prepare(`SELECT ${columns.map(quote).join(', ')} FROM ${quote(table)} ORDER BY ${order}`);
  const rows = select.raw(true).iterate() as IterableIterator<unknown[]>;
  const perStatement = plan.numberedVersions ? 1 : Math.max(1, Math.min(batchRows, Math.floor(MAX_PARAMETERS / columns.length)));
  let batch: unknown[][] = [];
  let copied = 0;
  const flush = () => {
    insertRows(target, table, columns, byteColumns, batch);
    if (plan.numberedVersions) moveLatestVersion(target, columns, batch[0] ?? []);
    copied += batch.length;
    batch = [];
    if (total > batchRows) onProgress?.({ table, copied, total });
  };
  try {
    for (const row of rows) {
      batch.push(row);
      if (batch.length >= perStatement) flush();
    }
    if (batch.length > 0) flush();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new JoineryError('INTERNAL', `copying ${table} failed after ${copied} of ${total} rows: ${message}`, { table, cause: message });
  }
}

/** Sets the columns held back by `setAfterCopy`, row by row, once what they point at has been copied. */
export function setColumnsAfterCopy(source: SqliteDatabase, target: SyncSql, plan: CopiedTable): void {
  const { setAfterCopy: columns, key } = plan;
  if (columns === undefined || key === undefined) return;
  const assignments = columns.map((column, index) => `${quote(column)} = $${index + 2}`).join(', ');
  const update = `UPDATE ${quote(plan.table)} SET ${assignments} WHERE ${quote(key)} = $1`;
  const rows = source.prepare(`SELECT ${[key, ...columns].map(quote).join(', ')} FROM ${quote(plan.table)} ORDER BY rowid`).raw(true).all() as unknown[][];
  for (const row of rows) target.query(update, row.map(parameter));
}

function insertRows(target: SyncSql, table: string, columns: string[], byteColumns: Set<string>, rows: unknown[][]): void {
  const parameters: SqlParameter[] = [];
  const tuples = rows.map((row) => {
    const placeholders = row.map((value, index) => {
      parameters.push(parameter(value));
      const placeholder = `$${parameters.length}`;
      return byteColumns.has(columns[index] ?? '') ? `decode(${placeholder}, 'hex')` : placeholder;
    });
    return `(${placeholders.join(', ')})`;
  });
  target.query(`INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES ${tuples.join(', ')}`, parameters);
}

/** The target accepts version n only while its function's latest_version is n - 1, as at publication. */
function moveLatestVersion(target: SyncSql, columns: string[], row: unknown[]): void {
  const name = row[columns.indexOf('name')];
  const version = row[columns.indexOf('version')];
  target.query('UPDATE functions SET latest_version = $2 WHERE name = $1', [parameter(name), parameter(version)]);
}

function parameter(value: unknown): SqlParameter {
  if (Buffer.isBuffer(value)) return value.toString('hex');
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  throw new JoineryError('INTERNAL', `a value of type ${typeof value} has no Postgres parameter form`);
}

function sourceColumns(source: SqliteDatabase, table: string): string[] {
  return (source.prepare(`PRAGMA table_info(${quote(table)})`).all() as Array<{ name: string }>).map((column) => column.name);
}

function targetColumnTypes(target: SyncSql, table: string): Map<string, string> {
  const rows = target.query<{ column_name: string; data_type: string }>(
    'SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1',
    [table],
  ).rows;
  return new Map(rows.map((row) => [row.column_name, row.data_type]));
}

function assertColumnsExist(known: Map<string, string>, table: string, columns: string[]): void {
  const missing = columns.filter((column) => !known.has(column));
  if (missing.length > 0) {
    const named = missing.map((column) => `${table}.${column}`).join(', ');
    throw new JoineryError('INTERNAL', `the Postgres schema has no column for ${named}: this Joinery cannot copy that home`);
  }
}

export function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}
