// Rows for every table an SQLite home holds beyond what the CLI's publish, review and run write, put in
// with plain SQL as the stores would leave them (the SQLite schema's own checks and triggers apply), so a
// copy is tested on every table, not only on the ones a short CLI session fills.

import type { SqliteDatabase } from '../../../core/store/index.ts';

const SHA = 'ab'.repeat(32);
const NOW = 1_796_000_000_000;

/** Two functions, a withdrawn version and a reviewed one, without the toolchain (for in-process tests). */
export function seedRegistryRows(db: SqliteDatabase): void {
  const version = db.prepare(
    `INSERT INTO versions (name, version, source, bundle, source_map, sha256, manifest, fixtures, check_report, test_report, author, created_at, status)
     VALUES (?, ?, 'export default 1', 'bundle', '{}', ?, '{}', '[]', '{}', '{}', 'alice', '2026-12-01T09:00:00Z', ?)`,
  );
  for (const name of ['alpha', 'beta']) db.prepare("INSERT INTO functions (name, created_at) VALUES (?, '2026-12-01T09:00:00Z')").run(name);
  for (const [name, number, status] of [['alpha', 1, 'approved'], ['alpha', 2, 'pending_review'], ['beta', 1, 'rejected']] as const) {
    version.run(name, number, SHA, status);
    db.prepare('UPDATE functions SET latest_version = ? WHERE name = ?').run(number, name);
  }
  db.prepare("UPDATE functions SET active_version = 1 WHERE name = 'alpha'").run();
  db.prepare("INSERT INTO reviews (name, version, reviewer, decision, created_at) VALUES ('alpha', 1, 'carol', 'approved', '2026-12-01T10:00:00Z')").run();
  db.prepare("INSERT INTO reviews (name, version, reviewer, decision, created_at) VALUES ('beta', 1, 'carol', 'rejected', '2026-12-01T10:00:00Z')").run();
  db.prepare("INSERT INTO withdrawals (name, version, actor, created_at) VALUES ('alpha', 2, 'alice', '2026-12-01T11:00:00Z')").run();
  db.prepare(
    `INSERT INTO executions (id, name, version, input, outcome, outcome_kind, logs, calls, duration_ms, caller, dry_run, created_at)
     VALUES (41, 'alpha', 1, '{}', '{"kind":"returned"}', 'returned', '[]', '[]', 1.5, 'tester', 0, '2026-12-01T12:00:00Z')`,
  ).run();
  db.prepare("INSERT INTO audit (id, actor, action, target, allowed, created_at) VALUES (7, 'alice', 'publish', 'alpha@1', 1, '2026-12-01T09:00:00Z')").run();
}

/** One or more rows in each runtime, directory, token and draft table. */
export function seedRuntimeRows(db: SqliteDatabase): void {
  db.prepare(
    `INSERT INTO directory_users (id, username, username_key, email, email_key, display_name, employee_id, department, status, groups)
     VALUES ('u1', 'jsmith', 'jsmith', 'j@example.com', 'j@example.com', 'John Smith', 'E1', 'Eng', 'active', '["staff"]')`,
  ).run();
  const retired = db.prepare('INSERT INTO retired_usernames (username_key, username, retired_at) VALUES (?, ?, ?)');
  retired.run('old', 'Old', '2026-01-01T00:00:00Z');
  retired.run('older', 'Older', '2026-01-02T00:00:00Z');
  db.prepare("INSERT INTO retired_emails (email_key, email, retired_at) VALUES ('old@example.com', 'Old@example.com', '2026-01-01T00:00:00Z')").run();
  db.prepare(`INSERT INTO reservations (kind, value_key, value, event_id, reserved_at) VALUES ('username', 'jsmith2', 'jsmith2', 'evt-1', ${NOW})`).run();
  db.prepare('INSERT INTO tokens (id, name, role, token_sha256, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run('0123456789abcdef', 'ci', 'operator', SHA, '2026-12-01T00:00:00Z', '2027-12-01T00:00:00Z');
  db.prepare('INSERT INTO drafts (owner, name, author, source, fixtures, test_summary, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run('alice', 'draft-one', 'alice', 'x', '[]', '{}', 'a', 'b');
  db.prepare("INSERT INTO flows (name, latest_version, created_at) VALUES ('onboarding', 0, '2026-12-01T00:00:00Z')").run();
  db.prepare(
    `INSERT INTO flow_versions (name, version, trigger, definition, sha256, author, created_at, status, reviewer, reviewed_at)
     VALUES ('onboarding', 1, 'user.joined', '{"steps":[]}', '${SHA}', 'alice', '2026-12-01T00:00:00Z', 'approved', 'carol', '2026-12-01T01:00:00Z')`,
  ).run();
  db.prepare("UPDATE flows SET latest_version = 1, active_version = 1 WHERE name = 'onboarding'").run();
  const event = db.prepare(
    `INSERT INTO events (id, type, payload, source, status, attempts, available_at, lease_id, lease_owner, lease_expires_at, created_at, updated_at)
     VALUES (?, 'user.joined', '{}', 'hr', ?, 1, ${NOW}, ?, ?, ?, ${NOW}, ${NOW})`,
  );
  event.run('evt-1', 'done', null, null, null);
  event.run('evt-2', 'running', 'lease-1', 'node-a', NOW + 30_000);
  event.run('evt-3', 'held', null, null, null);
  db.prepare('INSERT INTO event_results (event_id, step, attempt, outcome, output, recorded_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run('evt-1', 'make-username', 1, 'returned', '{"username":"jsmith2"}', NOW);
  db.prepare(`INSERT INTO webhook_deliveries (source, signature_sha256, received_at) VALUES ('hr', '${SHA}', ${NOW})`).run();
  db.prepare(`INSERT INTO guard_runs (target, at, failed) VALUES ('function:alpha', ${NOW}, 1), ('function:alpha', ${NOW + 1}, 0)`).run();
  db.prepare(`INSERT INTO quarantines (target, reason, since) VALUES ('function:beta', 'too many failures', ${NOW})`).run();
  db.prepare(`INSERT INTO held_events (target, event_id, held_at) VALUES ('function:beta', 'evt-3', ${NOW})`).run();
  db.prepare(`INSERT INTO schedules (name, cron, target_kind, target_name, created_at) VALUES ('nightly', '0 2 * * *', 'flow', 'onboarding', ${NOW})`).run();
}
