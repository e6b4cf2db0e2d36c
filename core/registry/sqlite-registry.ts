// The Registry port over SQLite. Each operation lives in its own file; this one wires them to one
// database handle and one clock.

import { JoineryError } from '../errors.ts';
import { applyMigrations, closeDatabase, MIGRATIONS, type SqliteDatabase } from '../store/index.ts';
import { createActivateVersion } from './activate-version.ts';
import { createAuditLog } from './audit-log.ts';
import { createExecutionLog } from './execution-log.ts';
import type { GroupCommitOptions } from './group-commit.ts';
import type { RecordWriterOptions } from './record-writer.ts';
import { createPublishVersion } from './publish-version.ts';
import { createReviewVersion } from './review-version.ts';
import { toReviewRecord, type ReviewRow } from './row-mapping.ts';
import type { Registry } from './types.ts';
import { createVersionQueries } from './version-queries.ts';
import { createWithdrawVersion } from './withdraw-version.ts';

export interface SqliteRegistryOptions {
  _internal?: {
    now?: () => Date;
    /** Runs inside the publish transaction after the version row is written (crash tests block here). */
    afterPublishInsert?: (version: number) => void;
    /** Group commit of execution records (group-commit.ts). */
    groupCommit?: GroupCommitOptions;
    /** The worker thread that commits execution records (record-writer.ts); false keeps them on this thread. */
    recordWriter?: RecordWriterOptions | false;
  };
}

/**
 * A Registry on an open database (see openDatabase); the schema is migrated if needed. `close()` closes
 * that handle, which the directory and secret stores may share, so close the registry last.
 */
export function createSqliteRegistry(
  db: SqliteDatabase,
  { _internal: { now = () => new Date(), afterPublishInsert, groupCommit, recordWriter } = {} }: SqliteRegistryOptions = {},
): Registry {
  applyMigrations(db, MIGRATIONS);
  const queries = createVersionQueries(db);
  const publishVersion = createPublishVersion(db, { now, afterInsert: afterPublishInsert });
  const executions = createExecutionLog(db, {
    now,
    ...(groupCommit === undefined ? {} : { groupCommit }),
    ...(recordWriter === undefined ? {} : { recordWriter }),
  });
  const audit = createAuditLog(db, { now });
  const withdrawVersion = createWithdrawVersion(db, { now });
  const selectReviews = db.prepare('SELECT * FROM reviews WHERE name = ? AND version = ? ORDER BY id');

  return {
    publish(input) {
      const version = publishVersion(input);
      return queries.getVersion(input.name, version)!;
    },
    getVersion: queries.getVersion,
    listFunctions: queries.listFunctions,
    listVersions: queries.listVersions,
    review: createReviewVersion(db, { now }),
    listReviews(name, version) {
      return (selectReviews.all(name, version) as ReviewRow[]).map(toReviewRecord);
    },
    withdraw(input) {
      withdrawVersion(input);
      const withdrawn = queries.getVersion(input.name, input.version);
      if (withdrawn === undefined) throw new JoineryError('INTERNAL', `${input.name}@${input.version} vanished after its withdrawal`);
      return withdrawn;
    },
    activate: createActivateVersion(db, { now }),
    getActiveVersion: queries.getActiveVersion,
    getVersionHead: queries.getVersionHead,
    recordExecution: executions.recordExecution,
    recordExecutionDurable: executions.recordExecutionDurable,
    listExecutions: executions.listExecutions,
    getExecution: executions.getExecution,
    recordAudit: audit.recordAudit,
    listAudit: audit.listAudit,
    close() {
      executions.closeExecutions();
      closeDatabase(db);
    },
  };
}
