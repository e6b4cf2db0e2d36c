// The webhook DeliveryLog over PostgreSQL: the primary key (source, signature) makes a delivery count once
// across every node; entries older than twice the replay window are forgotten first.

import { createHash } from 'node:crypto';
import type { AsyncSql } from '../postgres/index.ts';
import type { DeliveryLog } from './sqlite-delivery-log.ts';

export function createPostgresDeliveryLog(sql: AsyncSql, { _internal: { now = Date.now } = {} }: { _internal?: { now?: () => number } } = {}): DeliveryLog {
  return {
    remember: ({ source, signature, windowMs }) =>
      sql.transaction(async (session) => {
        const at = now();
        await session.query('DELETE FROM webhook_deliveries WHERE received_at < $1', [at - 2 * windowMs]);
        const insert = 'INSERT INTO webhook_deliveries (source, signature_sha256, received_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING';
        const inserted = await session.query(insert, [
          source,
          createHash('sha256').update(signature).digest('hex'),
          at,
        ]);
        return inserted.rowCount === 1;
      }),
  };
}
