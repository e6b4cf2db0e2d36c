// Remembers signed webhook deliveries for the replay window: a delivery is accepted once; the same
// (source, signature) again is a replay. Entries older than the window are forgotten (a stale timestamp
// is refused before this log is asked, so forgetting them cannot let a replay through).

import { createHash } from 'node:crypto';
import type { SqliteDatabase } from '../store/index.ts';

export interface DeliveryLog {
  /** True the first time; false when this source already delivered this signature. */
  remember(input: { source: string; signature: string; windowMs: number }): Promise<boolean>;
}

export function createSqliteDeliveryLog(db: SqliteDatabase, { _internal: { now = Date.now } = {} }: { _internal?: { now?: () => number } } = {}): DeliveryLog {
  const forget = db.prepare('DELETE FROM webhook_deliveries WHERE received_at < ?');
  const insert = db.prepare('INSERT INTO webhook_deliveries (source, signature_sha256, received_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
  const remember = db.transaction((source: string, signature: string, windowMs: number) => {
    const at = now();
    forget.run(at - 2 * windowMs);
    return insert.run(source, createHash('sha256').update(signature).digest('hex'), at).changes === 1;
  });
  return { remember: async ({ source, signature, windowMs }) => remember.immediate(source, signature, windowMs) };
}
