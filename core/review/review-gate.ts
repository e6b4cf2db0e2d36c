// Whether a viewer may decide on a version, and if not, why: the same four-eyes rule the registry
// enforces (registry.review refuses anyway), used to leave out buttons that would only be refused.

import { sameActor } from '../registry/index.ts';
import type { VersionRecord } from '../registry/index.ts';

export interface ReviewGate {
  mayReview: boolean;
  /** Why not, in a sentence; null when the viewer may review. */
  reason: string | null;
}

export function reviewGate(version: Pick<VersionRecord, 'author' | 'requestedBy' | 'status'>, viewer: { name: string; role: string }): ReviewGate {
  if (viewer.role !== 'reviewer' && viewer.role !== 'admin')
    return {
      mayReview: false,
      reason: `your role (${viewer.role}) does not review; a reviewer does`,
    };
  if (version.status !== 'pending_review')
    return {
      mayReview: false,
      reason: `it is ${version.status.replace('_', ' ')}`,
    };
  if (sameActor(viewer.name, version.author))
    return {
      mayReview: false,
      reason: 'you authored it: a second person reviews it',
    };
  if (sameActor(viewer.name, version.requestedBy))
    return {
      mayReview: false,
      reason: 'you requested it: a second person reviews it',
    };
  return { mayReview: true, reason: null };
}
