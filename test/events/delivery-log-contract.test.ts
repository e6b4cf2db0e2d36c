// The webhook DeliveryLog on both stores: a signed delivery is accepted once per source, forgotten only
// after twice the replay window, and the same signature from another source is its own delivery.

import { describe, expect, it } from 'vitest';
import { createPostgresDeliveryLog, createSqliteDeliveryLog, type DeliveryLog } from '../../core/events/index.ts';
import { closeDatabase, openDatabase } from '../../core/store/index.ts';
import { openPostgresTestStore } from '../postgres/postgres-test-store.ts';
import { postgresAvailable } from '../postgres/test-database.ts';

const WINDOW_MS = 300_000;

async function checkDeliveryLog(open: (now: () => number) => { log: DeliveryLog; close(): Promise<void> | void }): Promise<void> {
  let clock = Date.parse('2026-12-01T09:00:00Z');
  const { log, close } = open(() => clock);
  try {
    const remember = (source: string, signature: string) => log.remember({ source, signature, windowMs: WINDOW_MS });
    expect(await remember('hr', 'sha256=aa')).toBe(true);
    expect(await remember('hr', 'sha256=aa')).toBe(false);
    expect(await remember('payroll', 'sha256=aa')).toBe(true);
    clock += 2 * WINDOW_MS - 1;
    expect(await remember('hr', 'sha256=aa')).toBe(false);
    clock += 2;
    expect(await remember('hr', 'sha256=aa')).toBe(true);
  } finally {
    await close();
  }
}

describe('DeliveryLog contract', () => {
  it('sqlite', async () => {
    await checkDeliveryLog((now) => {
      const db = openDatabase(':memory:');
      return { log: createSqliteDeliveryLog(db, { _internal: { now } }), close: () => closeDatabase(db) };
    });
  });

  it.skipIf(!postgresAvailable())('postgres', async () => {
    await checkDeliveryLog((now) => {
      const store = openPostgresTestStore();
      return { log: createPostgresDeliveryLog(store.connect(), { _internal: { now } }), close: () => store.close() };
    });
  });
});
