// Publishing, reviewing, withdrawing and activating on Postgres. Each is one transaction that locks the
// row it decides on before reading it: a publish locks its function's row (SELECT ... FOR UPDATE), so
// publishers on any connection or node queue up and number consecutively (and the numbering trigger
// refuses anything but latest + 1); a review and a withdrawal lock the version's row, so a review racing
// another review or a withdrawal gets one decision and one CONFLICT. The checks are the SQLite registry's.

import type { SyncSql } from '../postgres/index.ts';
import { optionalActorSource, requireActorName, type ActorSource } from './actor-name.ts';
import { requireText, requireVersionNumber } from './input-checks.ts';
import { toVersionRow } from './publish-version.ts';
import { assertReviewable, toReview, type ReviewedVersionRow } from './review-version.ts';
import { toReviewRecord, type ReviewRow } from './row-mapping.ts';
import type { PublishInput, ReviewInput, ReviewRecord, VersionStatus, WithdrawInput } from './types.ts';
import { assertWithdrawable, toWithdrawal, type WithdrawnVersionRow } from './withdraw-version.ts';
import { JoineryError } from '../errors.ts';

const STATUS_AND_WITHDRAWN = `SELECT author, requested_by, status, (EXISTS (SELECT 1 FROM withdrawals w
  WHERE w.name = v.name AND w.version = v.version))::int AS withdrawn FROM versions v WHERE name = $1 AND version = $2 FOR UPDATE`;

export interface PostgresVersionWriteOptions {
  now: () => Date;
  /** Test hook: runs inside the publish transaction after the version row is written. */
  afterPublishInsert?: (version: number) => void;
}

export function createPostgresVersionWrites(sql: SyncSql, { now, afterPublishInsert }: PostgresVersionWriteOptions) {
  const one = <Row>(text: string, parameters: Array<string | number | null>): Row | undefined =>
    sql.query(text, parameters).rows[0] as Row | undefined;
  const insertAudit = (actor: string, action: string, target: string, detail: string, createdAt: string) =>
    sql.query('INSERT INTO audit (actor, action, target, allowed, detail, created_at) VALUES ($1, $2, $3, 1, $4, $5)', [
      actor, action, target, detail, createdAt,
    ]);

  return {
    /** Answers the new version number. */
    publish(input: PublishInput): number {
      const row = toVersionRow(input, now());
      return sql.transaction(() => {
        sql.query('INSERT INTO functions (name, created_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [row.name, row.createdAt]);
        const latest = one<{ latest_version: number }>('SELECT latest_version FROM functions WHERE name = $1 FOR UPDATE', [row.name])?.latest_version ?? 0;
        const version = latest + 1;
        sql.query(
          `INSERT INTO versions (name, version, source, bundle, source_map, sha256, manifest, fixtures, check_report, test_report, spec,
            author, requested_by, parent_version, created_at, actor_source, requirement, conversation_id)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
          [row.name, version, row.source, row.bundle, row.sourceMap, row.sha256, row.manifest, row.fixtures, row.checkReport, row.testReport,
            row.spec, row.author, row.requestedBy, latest === 0 ? null : latest, row.createdAt, row.actorSource, row.requirement, row.conversationId],
        );
        sql.query('UPDATE functions SET latest_version = $1 WHERE name = $2', [version, row.name]);
        afterPublishInsert?.(version);
        return version;
      });
    },
    review(input: ReviewInput): ReviewRecord {
      const review = toReview(input, now());
      return sql.transaction(() => {
        const label = `${review.name}@${review.version}`;
        const target = one<ReviewedVersionRow & { withdrawn: 0 | 1 }>(STATUS_AND_WITHDRAWN, [review.name, review.version]);
        assertReviewable(review.reviewer, target && { ...target, status: target.withdrawn === 1 ? 'withdrawn' : target.status }, label);
        const row = one<ReviewRow>(
          `INSERT INTO reviews (name, version, reviewer, decision, comment, created_at, actor_source) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
          [review.name, review.version, review.reviewer, review.decision, review.comment, review.createdAt, review.actorSource],
        );
        if (row === undefined) throw new JoineryError('INTERNAL', `the review of ${label} was not written`);
        sql.query('UPDATE versions SET status = $1 WHERE name = $2 AND version = $3', [review.decision, review.name, review.version]);
        if (review.decision === 'approved') {
          const activate = 'UPDATE functions SET active_version = $1 WHERE name = $2 AND (active_version IS NULL OR active_version < $1)';
          sql.query(activate, [review.version, review.name]);
        }
        return toReviewRecord(row);
      });
    },
    withdraw(input: WithdrawInput): void {
      const withdrawal = toWithdrawal(input, now());
      sql.transaction(() => {
        const label = `${withdrawal.name}@${withdrawal.version}`;
        assertWithdrawable(withdrawal.actor, one<WithdrawnVersionRow>(STATUS_AND_WITHDRAWN, [withdrawal.name, withdrawal.version]), label);
        sql.query('INSERT INTO withdrawals (name, version, actor, reason, created_at) VALUES ($1, $2, $3, $4, $5)', [
          withdrawal.name, withdrawal.version, withdrawal.actor, withdrawal.reason, withdrawal.createdAt,
        ]);
        insertAudit(withdrawal.actor, 'withdraw', label, JSON.stringify({ reason: withdrawal.reason }), withdrawal.createdAt);
      });
    },
    activate(name: string, version: number, { actor = 'system', actorSource }: { actor?: string; actorSource?: ActorSource | null } = {}): void {
      const checked = { name: requireText(name, 'name'), version: requireVersionNumber(version), actor: requireActorName(actor, 'actor') };
      const source = optionalActorSource(actorSource);
      sql.transaction(() => {
        const label = `${checked.name}@${checked.version}`;
        const row = one<{ status: VersionStatus; active_version: number | null }>(
          'SELECT v.status, f.active_version FROM versions v JOIN functions f ON f.name = v.name WHERE v.name = $1 AND v.version = $2 FOR UPDATE OF f',
          [checked.name, checked.version],
        );
        if (row === undefined) throw new JoineryError('NOT_FOUND', `no version ${label}`);
        if (row.status !== 'approved') throw new JoineryError('CONFLICT', `${label} cannot be activated: it is ${row.status}, not approved`);
        sql.query('UPDATE functions SET active_version = $1 WHERE name = $2', [checked.version, checked.name]);
        const detail = JSON.stringify({ previousVersion: row.active_version, ...(source === null ? {} : { actorSource: source }) });
        insertAudit(checked.actor, 'activate', label, detail, now().toISOString());
      });
    },
  };
}
