// What a reviewer reads: the inbox of pending versions and the brief of one version (core/diff holds
// the line and behavioural diffs they use).

export { buildReviewBrief, type ReviewBrief, type TestSummary } from './review-brief.ts';
export { fixtureRows, type FixtureRow } from './fixture-rows.ts';
export { listPendingReviews, type PendingReview } from './pending-reviews.ts';
export { reachChange, riskBadges, type ReachChange, type RiskBadge } from './risk-badges.ts';
export { reviewGate, type ReviewGate } from './review-gate.ts';
