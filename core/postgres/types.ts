// The two ways Joinery talks to PostgreSQL, as the subset of the `pg` driver the stores use: a synchronous
// connection for the ports that are synchronous because better-sqlite3 is (the registry, tokens, secrets,
// the directory, flows, guards, schedules, drafts), and an asynchronous pool for the ports that are
// asynchronous already (the event queue, the reservation ledger, the webhook delivery log).

/** A row as the driver returns it: BIGINT and COUNT come back as numbers (see type-parsers.ts). */
export type SqlRow = Record<string, unknown>;

export interface SqlResult<Row extends SqlRow = SqlRow> {
  rows: Row[];
  /** Rows inserted, updated, deleted or returned. */
  rowCount: number;
}

/** Parameters are `$1`, `$2`, ... in the SQL text. */
export type SqlParameter = string | number | boolean | null;

export interface SyncSql {
  query<Row extends SqlRow = SqlRow>(sql: string, parameters?: readonly SqlParameter[]): SqlResult<Row>;
  /** Runs `work` between BEGIN and COMMIT on this one connection (ROLLBACK when it throws). Nested calls
   *  become savepoints. `work` must not start asynchronous database work: it would run outside the
   *  transaction. */
  transaction<T>(work: () => T): T;
  close(): void;
}

/** One transaction's connection: every query of the transaction goes through it. */
export interface AsyncSqlSession {
  query<Row extends SqlRow = SqlRow>(sql: string, parameters?: readonly SqlParameter[]): Promise<SqlResult<Row>>;
}

export interface AsyncSql extends AsyncSqlSession {
  /** BEGIN ... COMMIT on one pooled connection; ROLLBACK when `work` throws. A serialization failure or a
   *  deadlock (SQLSTATE 40001, 40P01) runs `work` again, up to five times. */
  transaction<T>(work: (session: AsyncSqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** One step of the Postgres schema: same rules as core/store's SQLite steps (append only, never edited). */
export interface PostgresMigration {
  id: string;
  sql: string;
}
