// The Registry port over PostgreSQL, on a blocking connection (core/postgres) so the port stays synchronous
// as on SQLite. The schema comes from core/postgres's migrations (openPostgres applies them); the checks,
// row mapping, digests, redaction and caps are the SQLite registry's own helpers.

import { JoineryError } from '../errors.ts';
import type { SyncSql } from '../postgres/index.ts';
import { createPostgresRunLog } from './postgres-run-log.ts';
import { createPostgresVersionQueries } from './postgres-version-queries.ts';
import { createPostgresVersionWrites } from './postgres-version-writes.ts';
import { toReviewRecord, type ReviewRow } from './row-mapping.ts';
import type { Registry } from './types.ts';

export interface PostgresRegistryOptions {
  _internal?: {
    now?: () => Date;
    /** Runs inside the publish transaction after the version row is written. */
    afterPublishInsert?: (version: number) => void;
  };
}

/** A Registry on a migrated database. `close()` does not close the connection: its opener owns it. */
export function createPostgresRegistry(
  sql: SyncSql,
  { _internal: { now = () => new Date(), afterPublishInsert } = {} }: PostgresRegistryOptions = {},
): Registry {
  const queries = createPostgresVersionQueries(sql);
  const writes = createPostgresVersionWrites(sql, { now, ...(afterPublishInsert === undefined ? {} : { afterPublishInsert }) });
  const runs = createPostgresRunLog(sql, { now });
  const read = (name: string, version: number) => {
    const record = queries.getVersion(name, version);
    if (record === undefined) throw new JoineryError('INTERNAL', `${name}@${version} vanished after it was written`);
    return record;
  };

  return {
    publish: (input) => read(input.name, writes.publish(input)),
    getVersion: queries.getVersion,
    listFunctions: queries.listFunctions,
    listVersions: queries.listVersions,
    review: writes.review,
    listReviews(name, version) {
      const rows = sql.query('SELECT * FROM reviews WHERE name = $1 AND version = $2 ORDER BY id', [name, version]).rows;
      return (rows as unknown as ReviewRow[]).map(toReviewRecord);
    },
    withdraw(input) {
      writes.withdraw(input);
      return read(input.name, input.version);
    },
    activate: writes.activate,
    getActiveVersion: queries.getActiveVersion,
    getVersionHead: queries.getVersionHead,
    ...runs,
    close() {
      // the connection belongs to whoever opened it (openPostgres), as several stores share it
    },
  };
}
