// The audit trail port: audit entries and reviews as one list, oldest first for an export, newest first
// for the console. SQLite and Postgres implement it.

export interface AuditEntry {
  /** `audit:<id>` or `review:<id>`: unique across both sources. */
  id: string;
  createdAt: string;
  actor: string;
  action: string;
  target: string | null;
  allowed: boolean;
  detail: unknown;
}

export interface AuditFilter {
  /** ISO 8601 times, inclusive / exclusive. */
  since?: string;
  until?: string;
  actor?: string;
  /** An exact action, or a prefix ending in `.` (`review.` matches review.approved and review.rejected). */
  action?: string;
  allowed?: boolean;
}

export interface AuditTrail {
  /** Oldest first, every matching entry, read a page at a time. */
  entries(filter?: AuditFilter): Iterable<AuditEntry>;
  /** Newest first, at most `limit`. */
  recent(filter?: AuditFilter & { limit?: number }): AuditEntry[];
}
