// Reads of functions and versions. Versions are immutable, so a read never needs a transaction.

import type { SqliteDatabase } from '../store/index.ts';
import {
  toFunctionSummary, toVersionHead, toVersionRecord, toVersionSummary,
  type FunctionSummaryRow, type VersionHeadRow, type VersionRow, type VersionSummaryRow,
} from './row-mapping.ts';
import type { FunctionSummary, VersionHead, VersionRecord, VersionSummary } from './types.ts';

/** 1 when the version `v` was withdrawn (migration 0009): its stored status stays pending_review. */
const WITHDRAWN = 'EXISTS (SELECT 1 FROM withdrawals w WHERE w.name = v.name AND w.version = v.version)';

export function createVersionQueries(db: SqliteDatabase) {
  const selectVersion = db.prepare(`SELECT v.*, ${WITHDRAWN} AS withdrawn FROM versions v WHERE v.name = ? AND v.version = ?`);
  const selectLatest = db.prepare(`SELECT v.*, ${WITHDRAWN} AS withdrawn FROM versions v
    JOIN functions f ON f.name = v.name AND f.latest_version = v.version WHERE v.name = ?`);
  const selectActive = db.prepare(`SELECT v.*, ${WITHDRAWN} AS withdrawn FROM versions v
    JOIN functions f ON f.name = v.name AND f.active_version = v.version WHERE v.name = ?`);
  const HEAD = `SELECT v.name, v.version, v.sha256, v.status, ${WITHDRAWN} AS withdrawn FROM versions v`;
  const selectHead = {
    number: db.prepare(`${HEAD} WHERE v.name = ? AND v.version = ?`),
    active: db.prepare(`${HEAD} JOIN functions f ON f.name = v.name AND f.active_version = v.version WHERE v.name = ?`),
    latest: db.prepare(`${HEAD} JOIN functions f ON f.name = v.name AND f.latest_version = v.version WHERE v.name = ?`),
  };
  const selectFunctions = db.prepare(`SELECT f.name, json_extract(v.manifest, '$.description') AS description,
      f.latest_version, f.active_version, v.status AS latest_status, ${WITHDRAWN} AS latest_withdrawn
    FROM functions f JOIN versions v ON v.name = f.name AND v.version = f.latest_version ORDER BY f.name`);
  const selectVersions = db.prepare(`SELECT v.name, v.version, v.sha256, v.status, v.author, v.requested_by,
      v.created_at, (f.active_version IS v.version) AS active, ${WITHDRAWN} AS withdrawn
    FROM versions v JOIN functions f ON f.name = v.name WHERE v.name = ? ORDER BY v.version`);

  return {
    getVersion(name: string, version?: number): VersionRecord | undefined {
      const row = (version === undefined ? selectLatest.get(name) : selectVersion.get(name, version)) as
        | VersionRow
        | undefined;
      return row === undefined ? undefined : toVersionRecord(row);
    },
    getActiveVersion(name: string): VersionRecord | undefined {
      const row = selectActive.get(name) as VersionRow | undefined;
      return row === undefined ? undefined : toVersionRecord(row);
    },
    getVersionHead(name: string, ref: number | 'active' | 'latest'): VersionHead | undefined {
      const row = (typeof ref === 'number' ? selectHead.number.get(name, ref) : selectHead[ref].get(name)) as VersionHeadRow | undefined;
      return row === undefined ? undefined : toVersionHead(row);
    },
    listFunctions(): FunctionSummary[] {
      return (selectFunctions.all() as FunctionSummaryRow[]).map(toFunctionSummary);
    },
    listVersions(name: string): VersionSummary[] {
      return (selectVersions.all(name) as VersionSummaryRow[]).map(toVersionSummary);
    },
  };
}
