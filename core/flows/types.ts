// Flows: an ordered list of published functions for one trigger. Each step sees the event and the outputs
// of the steps before it (`event.steps`), and may carry a condition: a small declarative predicate, data
// and never code. Flow versions are immutable and reviewed by a second person, like function versions.

export type FlowCondition =
  | { path: string; equals: unknown }
  | { path: string; in: unknown[] }
  | { path: string; exists: boolean }
  | { not: FlowCondition }
  | { all: FlowCondition[] }
  | { any: FlowCondition[] };

export interface FlowStep {
  /** A published function's name; its active approved version runs. */
  function: string;
  /** Evaluated over the step's input (the event plus `steps`); the step is skipped when false. */
  condition?: FlowCondition;
}

export interface FlowDefinition {
  name: string;
  trigger: string;
  description?: string;
  steps: FlowStep[];
}

export type FlowVersionStatus = 'pending_review' | 'approved' | 'rejected';

export interface FlowVersionRecord {
  name: string;
  version: number;
  trigger: string;
  definition: FlowDefinition;
  sha256: string;
  author: string;
  requestedBy: string | null;
  status: FlowVersionStatus;
  reviewer: string | null;
  reviewComment: string | null;
  reviewedAt: string | null;
  createdAt: string;
  active: boolean;
}

export interface FlowSummary {
  name: string;
  trigger: string;
  latestVersion: number;
  latestStatus: FlowVersionStatus;
  activeVersion: number | null;
}

export interface FlowPublishInput {
  definition: FlowDefinition;
  author: string;
  requestedBy?: string | null;
}

export interface FlowReviewInput {
  name: string;
  version: number;
  reviewer: string;
  decision: 'approved' | 'rejected';
  comment?: string | null;
}

/** Synchronous like the Registry: the SQLite adapter writes each change in one short transaction. */
export interface FlowStore {
  /** A new version numbered latest + 1, pending review. */
  publish(input: FlowPublishInput): FlowVersionRecord;
  /** FORBIDDEN when the reviewer authored or requested the version, CONFLICT when already reviewed. An
   *  approval makes the version active unless a later one is active already. */
  review(input: FlowReviewInput): FlowVersionRecord;
  /** The given version, or the latest. */
  getVersion(name: string, version?: number): FlowVersionRecord | undefined;
  listFlows(): FlowSummary[];
  listVersions(name: string): FlowVersionRecord[];
  /** The active version of every flow whose trigger is `trigger`, by name. */
  activeFlowsFor(trigger: string): FlowVersionRecord[];
}
