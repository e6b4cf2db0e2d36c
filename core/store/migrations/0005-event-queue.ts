// The durable event queue (core/events): one row per lifecycle event, keyed by the event's own id (the
// idempotency key), with the current lease; one row per step result. A lease is a fencing id plus an
// expiry: only the holder of the live lease may record results or finish the event. Signed webhook
// deliveries are remembered for the replay window, so the same signed body is accepted once.

import type { Migration } from '../types.ts';

export const eventQueueSchema: Migration = {
  id: '0005-event-queue',
  up(db) {
    db.exec(`
CREATE TABLE events (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  source TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'dead', 'held')),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error TEXT,
  available_at INTEGER NOT NULL,
  lease_id TEXT,
  lease_owner TEXT,
  lease_expires_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK ((status = 'running') = (lease_id IS NOT NULL))
) STRICT;
CREATE INDEX events_claimable ON events (status, available_at);
CREATE INDEX events_expiring ON events (status, lease_expires_at);
CREATE INDEX events_newest ON events (created_at DESC);

CREATE TABLE event_results (
  event_id TEXT NOT NULL REFERENCES events (id),
  step TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  output TEXT CHECK (output IS NULL OR json_valid(output)),
  error TEXT,
  recorded_at INTEGER NOT NULL,
  PRIMARY KEY (event_id, step)
) STRICT;

CREATE TABLE webhook_deliveries (
  source TEXT NOT NULL,
  signature_sha256 TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  PRIMARY KEY (source, signature_sha256)
) STRICT;
CREATE INDEX webhook_deliveries_by_age ON webhook_deliveries (received_at);
`);
  },
};
