// The event queue port: lifecycle events persisted before they are acknowledged, claimed by workers under
// leases, retried with backoff, dead-lettered after N attempts, replayed by an operator. Asynchronous so a
// networked store (Postgres: `FOR UPDATE SKIP LOCKED`, a lease column, a fencing id) can implement it too.

export const EVENT_STATUSES = ['queued', 'running', 'done', 'failed', 'dead', 'held'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** What one step (a function, later a flow step) came to for an event. */
export interface StepResult {
  outcome: string;
  output?: unknown;
  error?: string;
  /** The attempt the result was recorded in (1-based). */
  attempt: number;
}

export interface EnqueueInput {
  /** The idempotency key: the lifecycle event's own `id`. */
  id: string;
  type: string;
  payload: unknown;
  /** Who submitted it: a token name, a webhook source, 'schedule'. */
  source: string;
}

export interface EventRecord {
  id: string;
  type: string;
  payload: unknown;
  source: string;
  status: EventStatus;
  /** Claims so far, the current one included. */
  attempts: number;
  lastError: string | null;
  /** When a queued event may next be claimed (ISO 8601). */
  availableAt: string;
  createdAt: string;
  updatedAt: string;
  results: Record<string, StepResult>;
}

export type EventSummary = Omit<EventRecord, 'payload' | 'results'>;

/** A claim: the event and the fencing id every later call for this attempt must present. */
export interface ClaimedEvent {
  leaseId: string;
  attempt: number;
  event: EventRecord;
}

export interface LeaseReference {
  id: string;
  leaseId: string;
}

export interface ClaimInput {
  /** The worker, for operators reading `joinery events show`. */
  owner: string;
  leaseMs: number;
}

/** Where a failed attempt went: back to the queue at `retryAt`, or to the dead letter. 'lost' when the
 *  lease had already passed to another worker (the caller's result is discarded). */
export type FailureDisposition = { kind: 'retry'; retryAt: string } | { kind: 'dead' } | { kind: 'failed' } | { kind: 'lost' };

export interface EventQueue {
  /** Persists the event before it returns. The same id again changes nothing: `created` is false. */
  enqueue(input: EnqueueInput): Promise<{ id: string; created: boolean }>;
  /** The oldest claimable event (queued and due, or running with an expired lease), or undefined. No two
   *  live leases ever cover one event. A reclaim past the attempt limit sends the event to the dead letter. */
  claim(input: ClaimInput): Promise<ClaimedEvent | undefined>;
  /** Extends a live lease; false when it is no longer this lease. */
  renew(lease: LeaseReference & { leaseMs: number }): Promise<boolean>;
  /** Records (or replaces) one step's result under a live lease; false when the lease is lost. */
  recordStep(lease: LeaseReference & { step: string; result: Omit<StepResult, 'attempt'> }): Promise<boolean>;
  /** The event is done; false when the lease is lost. */
  complete(lease: LeaseReference): Promise<boolean>;
  /** A failed attempt: retried with backoff while attempts remain and `retryable`, else dead (retryable)
   *  or failed (not retryable). */
  fail(lease: LeaseReference & { error: string; retryable: boolean }): Promise<FailureDisposition>;
  /** Gives the event back without using up the attempt (graceful shutdown). */
  release(lease: LeaseReference): Promise<boolean>;
  /** Parks a queued event (blast-radius guards); held events are never claimed until resumed. */
  hold(input: { id: string; reason: string }): Promise<boolean>;
  /** Parks a claimed event under its live lease (a blast-radius guard tripped while it ran); its step
   *  results are kept. False when the lease is lost. */
  holdClaimed(lease: LeaseReference & { reason: string }): Promise<boolean>;
  /** A held event back to the queue, due now, after a quarantine is lifted: attempts start over, step
   *  results are kept (steps that returned are not run again). False unless the event is held. */
  resumeHeld(id: string): Promise<boolean>;
  /** Back to the queue, due now: held, dead or failed events. Attempts and results start over. */
  replay(id: string): Promise<boolean>;
  get(id: string): Promise<EventRecord | undefined>;
  /** Newest first. */
  list(input?: { status?: EventStatus; limit?: number }): Promise<EventSummary[]>;
  /** How many events are in each status. */
  countByStatus(): Promise<Record<EventStatus, number>>;
}
