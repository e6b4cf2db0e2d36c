// What `joinery migrate-store` copies from an SQLite home into Postgres, table by table, in an order that
// satisfies the foreign keys, and what it leaves out and why. Every table the SQLite migrations create is in
// exactly one of the two lists: the copy refuses a source with a table it does not know, and a test checks
// the lists against a freshly migrated SQLite database.

export interface CopiedTable {
  table: string;
  /** Columns inserted as their defaults first and set from the source once every table is in (functions
   *  and flows point at versions that do not exist yet when their rows go in). */
  setAfterCopy?: readonly string[];
  /** The key that identifies a row for `setAfterCopy`. */
  key?: string;
  /** Inserted one row at a time, moving functions.latest_version along: the target's trigger accepts a
   *  version only when it is numbered latest_version + 1, as at publication. */
  numberedVersions?: boolean;
}

export const COPIED_TABLES: readonly CopiedTable[] = Object.freeze([
  { table: 'functions', setAfterCopy: ['latest_version', 'active_version'], key: 'name' },
  { table: 'versions', numberedVersions: true },
  { table: 'reviews' },
  { table: 'withdrawals' },
  { table: 'executions' },
  { table: 'audit' },
  { table: 'directory_users' },
  { table: 'retired_usernames' },
  { table: 'retired_emails' },
  { table: 'reservations' },
  { table: 'secrets' },
  { table: 'tokens' },
  { table: 'drafts' },
  { table: 'flows', setAfterCopy: ['latest_version', 'active_version'], key: 'name' },
  { table: 'flow_versions' },
  { table: 'events' },
  { table: 'event_results' },
  { table: 'webhook_deliveries' },
  { table: 'guard_runs' },
  { table: 'quarantines' },
  { table: 'held_events' },
  { table: 'schedules' },
]);

/** SQLite tables that are deliberately not copied, each with the reason given in the report. */
export const SKIPPED_TABLES: Readonly<Record<string, string>> = Object.freeze({
  migrations: 'the SQLite schema ledger; the target keeps its own (schema_migrations), brought up to date before the copy',
});
