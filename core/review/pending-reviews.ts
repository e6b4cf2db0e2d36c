// The reviewer's inbox: every version waiting for review, oldest first, with what it changes in reach
// and its risk badges. The agent counts as the author; the requester is the person who asked for it.

import type { Registry } from '../registry/index.ts';
import { reachChange, riskBadges, type ReachChange, type RiskBadge } from './risk-badges.ts';

export interface PendingReview {
  name: string;
  version: number;
  description: string;
  author: string;
  requestedBy: string | null;
  createdAt: string;
  /** The active version it would replace, if any. */
  activeVersion: number | null;
  reach: ReachChange;
  badges: RiskBadge[];
}

export function listPendingReviews(registry: Registry): PendingReview[] {
  const pending: PendingReview[] = [];
  for (const summary of registry.listFunctions()) {
    const waiting = registry.listVersions(summary.name).filter((version) => version.status === 'pending_review');
    if (waiting.length === 0) continue;
    const active = registry.getActiveVersion(summary.name);
    for (const version of waiting) {
      const record = registry.getVersion(summary.name, version.version);
      if (record === undefined) continue;
      const reach = reachChange(record, active);
      pending.push({
        name: record.name,
        version: record.version,
        description: record.manifest.description,
        author: record.author,
        requestedBy: record.requestedBy,
        createdAt: record.createdAt,
        activeVersion: active?.version ?? null,
        reach,
        badges: riskBadges(record, reach),
      });
    }
  }
  return pending.sort((left, right) => left.createdAt.localeCompare(right.createdAt));
}
