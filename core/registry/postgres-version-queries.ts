// Reads of functions and versions on Postgres: the SQLite queries (version-queries.ts) in Postgres's
// dialect, mapped by the same row-mapping.ts. Versions are immutable, so a read needs no transaction.

import type { SyncSql } from '../postgres/index.ts';
import {
  toFunctionSummary, toVersionHead, toVersionRecord, toVersionSummary,
  type FunctionSummaryRow, type VersionHeadRow, type VersionRow, type VersionSummaryRow,
} from './row-mapping.ts';
import type { FunctionSummary, VersionHead, VersionRecord, VersionSummary } from './types.ts';

/** 1 when the version `v` was withdrawn: its stored status stays pending_review. */
const WITHDRAWN = '(EXISTS (SELECT 1 FROM withdrawals w WHERE w.name = v.name AND w.version = v.version))::int';
const SELECT_VERSION = `SELECT v.*, ${WITHDRAWN} AS withdrawn FROM versions v`;
const SELECT_HEAD = `SELECT v.name, v.version, v.sha256, v.status, ${WITHDRAWN} AS withdrawn FROM versions v`;

export function createPostgresVersionQueries(sql: SyncSql) {
  const one = <Row>(text: string, parameters: Array<string | number>): Row | undefined =>
    sql.query(text, parameters).rows[0] as Row | undefined;
  return {
    getVersion(name: string, version?: number): VersionRecord | undefined {
      const row =
        version === undefined
          ? one<VersionRow>(`${SELECT_VERSION} JOIN functions f ON f.name = v.name AND f.latest_version = v.version WHERE v.name = $1`, [name])
          : one<VersionRow>(`${SELECT_VERSION} WHERE v.name = $1 AND v.version = $2`, [name, version]);
      return row === undefined ? undefined : toVersionRecord(row);
    },
    getActiveVersion(name: string): VersionRecord | undefined {
      const row = one<VersionRow>(`${SELECT_VERSION} JOIN functions f ON f.name = v.name AND f.active_version = v.version WHERE v.name = $1`, [name]);
      return row === undefined ? undefined : toVersionRecord(row);
    },
    getVersionHead(name: string, ref: number | 'active' | 'latest'): VersionHead | undefined {
      const row =
        typeof ref === 'number'
          ? one<VersionHeadRow>(`${SELECT_HEAD} WHERE v.name = $1 AND v.version = $2`, [name, ref])
          : one<VersionHeadRow>(`${SELECT_HEAD} JOIN functions f ON f.name = v.name AND f.${ref}_version = v.version WHERE v.name = $1`, [name]);
      return row === undefined ? undefined : toVersionHead(row);
    },
    /** Ordered by name bytewise (COLLATE "C"), as SQLite orders them, whatever the database's locale. */
    listFunctions(): FunctionSummary[] {
      const rows = sql.query(`SELECT f.name, v.manifest::json ->> 'description' AS description, f.latest_version, f.active_version,
          v.status AS latest_status, ${WITHDRAWN} AS latest_withdrawn
        FROM functions f JOIN versions v ON v.name = f.name AND v.version = f.latest_version ORDER BY f.name COLLATE "C"`).rows;
      return (rows as unknown as FunctionSummaryRow[]).map(toFunctionSummary);
    },
    listVersions(name: string): VersionSummary[] {
      const rows = sql.query(
        `SELECT v.name, v.version, v.sha256, v.status, v.author, v.requested_by, v.created_at,
          (f.active_version IS NOT DISTINCT FROM v.version)::int AS active, ${WITHDRAWN} AS withdrawn
        FROM versions v JOIN functions f ON f.name = v.name WHERE v.name = $1 ORDER BY v.version`,
        [name],
      ).rows;
      return (rows as unknown as VersionSummaryRow[]).map(toVersionSummary);
    },
  };
}
