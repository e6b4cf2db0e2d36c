// Four-eyes review. The reviewer must be someone other than the version's author (an agent counts as the
// author) and other than whoever requested it; each version gets exactly one decision; an approval makes
// the version active, unless a later version is active already (approving an old version late must not
// roll back silently: that is what `activate` is for). Checked and written in one BEGIN IMMEDIATE
// transaction.

import { JoineryError } from '../errors.ts';
import type { SqliteDatabase } from '../store/index.ts';
import { optionalActorSource, requireActorName, sameActor } from './actor-name.ts';
import { optionalText, requireText, requireVersionNumber } from './input-checks.ts';
import { toReviewRecord, type ReviewRow } from './row-mapping.ts';
import type { ReviewInput, ReviewRecord, VersionStatus } from './types.ts';

export interface ReviewedVersionRow {
  author: string;
  requested_by: string | null;
  status: VersionStatus;
}

export function createReviewVersion(db: SqliteDatabase, { now }: { now: () => Date }) {
  const selectVersion = db.prepare(`SELECT author, requested_by, CASE WHEN EXISTS (SELECT 1 FROM withdrawals w
      WHERE w.name = v.name AND w.version = v.version) THEN 'withdrawn' ELSE status END AS status
    FROM versions v WHERE name = ? AND version = ?`);
  const insertReview = db.prepare(`INSERT INTO reviews (name, version, reviewer, decision, comment, created_at,
      actor_source)
    VALUES (@name, @version, @reviewer, @decision, @comment, @createdAt, @actorSource) RETURNING *`);
  const updateStatus = db.prepare('UPDATE versions SET status = ? WHERE name = ? AND version = ?');
  const updateActive = db.prepare(`UPDATE functions SET active_version = @version
    WHERE name = @name AND (active_version IS NULL OR active_version < @version)`);

  const reviewInTransaction = db.transaction((review: ReturnType<typeof toReview>): ReviewRecord => {
    const target = selectVersion.get(review.name, review.version) as ReviewedVersionRow | undefined;
    const label = `${review.name}@${review.version}`;
    assertReviewable(review.reviewer, target, label);
    const row = insertReview.get(review) as ReviewRow;
    updateStatus.run(review.decision, review.name, review.version);
    if (review.decision === 'approved') updateActive.run({ name: review.name, version: review.version });
    return toReviewRecord(row);
  });

  return (input: ReviewInput): ReviewRecord => reviewInTransaction.immediate(toReview(input, now()));
}

/** NOT_FOUND, FORBIDDEN (four eyes) or CONFLICT unless `reviewer` may decide `target` now (shared with Postgres). */
export function assertReviewable(reviewer: string, target: ReviewedVersionRow | undefined, label: string): void {
  if (target === undefined) throw new JoineryError('NOT_FOUND', `no version ${label}`);
  assertFourEyes(reviewer, target, label);
  if (target.status !== 'pending_review') {
    const why = target.status === 'withdrawn' ? 'its author withdrew it' : `it was already reviewed: it is ${target.status}`;
    throw new JoineryError('CONFLICT', `${label} cannot be reviewed: ${why}`);
  }
}

function assertFourEyes(reviewer: string, target: ReviewedVersionRow, label: string): void {
  const role = sameActor(reviewer, target.author)
    ? 'authored'
    : sameActor(reviewer, target.requested_by)
      ? 'requested'
      : null;
  if (role === null) return;
  throw new JoineryError(
    'FORBIDDEN',
    `${reviewer} cannot review ${label}: they ${role} it, and a version must be reviewed by a second person`,
    { reason: `reviewer-${role}` },
  );
}

export function toReview(input: ReviewInput, createdAt: Date) {
  if (input.decision !== 'approved' && input.decision !== 'rejected') {
    throw new JoineryError('INVALID_INPUT', `decision: expected "approved" or "rejected"`, { field: 'decision' });
  }
  return {
    name: requireText(input.name, 'name'),
    version: requireVersionNumber(input.version),
    reviewer: requireActorName(input.reviewer, 'reviewer'),
    decision: input.decision,
    comment: optionalText(input.comment, 'comment'),
    actorSource: optionalActorSource(input.actorSource),
    createdAt: createdAt.toISOString(),
  };
}
