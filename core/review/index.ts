// What a reviewer reads: the inbox of pending versions and the brief of one version (core/diff holds
// the line and behavioural diffs they use).

export { buildReviewBrief, type ReviewBrief, type TestSummary } from './review-brief.ts';
export type { FixtureRow } from './fixture-rows.ts';
export { listPendingReviews, type PendingReview } from './pending-reviews.ts';
export type { ReachChange, RiskBadge } from './risk-badges.ts';
