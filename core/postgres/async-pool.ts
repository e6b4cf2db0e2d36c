// The asynchronous side: a `pg` pool for the ports that are asynchronous already (the event queue, the
// reservation ledger, the webhook delivery log). Each transaction holds one pooled connection.

import { createRequire } from 'node:module';
import type pg from 'pg';
import { postgresError } from './sync-connection.ts';
import { joineryTypeParsers } from './type-parsers.ts';
import type { AsyncSql, AsyncSqlSession, SqlParameter, SqlResult, SqlRow } from './types.ts';

export interface PostgresPoolOptions {
  connectionString: string;
  /** Connections this process may hold at once. */
  maxConnections?: number;
  applicationName?: string;
}

const RETRIED_STATES = new Set(['40001', '40P01']);
const MAX_TRIES = 5;

/** `pg` (CommonJS) is loaded when a pool is made, not when this module is: every command imports the store
 *  factory, and only those run on Postgres may pay for the driver (test/cli/startup-imports.test.ts). */
function loadDriver(): typeof pg {
  return createRequire(import.meta.url)('pg') as typeof pg;
}

export function createPostgresPool({ connectionString, maxConnections = 10, applicationName = 'joinery' }: PostgresPoolOptions): AsyncSql {
  const driver = loadDriver();
  const pool = new driver.Pool({ connectionString, max: maxConnections, application_name: applicationName, types: joineryTypeParsers(driver.types) });
  // An idle connection the server dropped is discarded by the pool; the next query opens another.
  pool.on('error', () => undefined);
  const run = async <Row extends SqlRow>(target: pg.Pool | pg.PoolClient, sql: string, parameters: readonly SqlParameter[] = []): Promise<SqlResult<Row>> => {
    try {
      const result = await target.query({ text: sql, values: parameters as unknown[] });
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
    } catch (error) {
      throw asJoineryError(error);
    }
  };

  return {
    query: (sql, parameters) => run(pool, sql, parameters),
    async transaction(work) {
      for (let attempt = 1; ; attempt += 1) {
        const client = await pool.connect();
        const session: AsyncSqlSession = { query: (sql, parameters) => run(client, sql, parameters) };
        try {
          await client.query('BEGIN');
          const result = await work(session);
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          const sqlState = (error as { details?: { sqlState?: string } }).details?.sqlState;
          if (attempt >= MAX_TRIES || sqlState === undefined || !RETRIED_STATES.has(sqlState)) throw error;
        } finally {
          client.release();
        }
      }
    },
    close: () => pool.end(),
  };
}

function asJoineryError(error: unknown) {
  const { message, code, constraint } = error as { message?: string; code?: string; constraint?: string };
  const known = { ...(code === undefined ? {} : { sqlState: code }), ...(constraint === undefined ? {} : { constraint }) };
  return postgresError({ message: message ?? String(error), ...known });
}
