// config.json's "retry": how many attempts `joinery serve` gives a failing event before it is dead, and the
// backoff between them. The queue the command's stores open keeps to it; unset fields keep the defaults
// (5 attempts); values out of range are refused when the file is read, naming the field.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../cli/config.ts';
import { openStores } from '../../cli/stores.ts';
import { closeDatabase, openDatabase } from '../../core/store/index.ts';

const homes: string[] = [];
afterEach(() => {
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});

function homeWith(config: unknown): string {
  const home = mkdtempSync(join(tmpdir(), 'joinery-retry-config-'));
  homes.push(home);
  writeFileSync(join(home, 'config.json'), JSON.stringify(config));
  return home;
}

/** Fails one event `failures` times through the queue the stores open; its status after. */
async function statusAfterFailures(config: unknown, failures: number): Promise<string | undefined> {
  const home = homeWith(config);
  const parsed = loadConfig(home);
  const db = openDatabase(join(home, 'joinery.db'));
  try {
    const queue = openStores({ env: {}, sqlite: () => db, secretKey: () => Buffer.alloc(32), retry: () => parsed.retry }).ports.queue();
    await queue.enqueue({ id: 'evt-1', type: 'user.joined', payload: { id: 'evt-1' }, source: 'test' });
    for (let attempt = 1; attempt <= failures; attempt++) {
      const claimed = await queue.claim({ owner: 'test', leaseMs: 60_000 });
      if (claimed === undefined) throw new Error(`attempt ${attempt}: nothing to claim`);
      await queue.fail({ id: claimed.event.id, leaseId: claimed.leaseId, error: 'directory unavailable', retryable: true });
    }
    return (await queue.get('evt-1'))?.status;
  } finally {
    closeDatabase(db);
  }
}

describe('retry in config.json', () => {
  it('ends an event as dead after the configured attempts', async () => {
    expect(await statusAfterFailures({ retry: { maxAttempts: 2, baseDelayMs: 0 } }, 1)).toBe('queued');
    expect(await statusAfterFailures({ retry: { maxAttempts: 2, baseDelayMs: 0 } }, 2)).toBe('dead');
  });

  it('keeps five attempts when the file sets none', async () => {
    expect(await statusAfterFailures({ retry: { baseDelayMs: 0 } }, 4)).toBe('queued');
    expect(await statusAfterFailures({ retry: { baseDelayMs: 0 } }, 5)).toBe('dead');
  });

  it('refuses values out of range, naming the field', () => {
    expect(() => loadConfig(homeWith({ retry: { maxAttempts: 0 } }))).toThrow(/config\.json: retry\.maxAttempts: /);
    expect(() => loadConfig(homeWith({ retry: { maxAttempts: 2.5 } }))).toThrow(/retry\.maxAttempts/);
    expect(() => loadConfig(homeWith({ retry: { baseDelayMs: 60_000, maxDelayMs: 1_000 } }))).toThrow(/retry: baseDelayMs must not be above maxDelayMs/);
    expect(() => loadConfig(homeWith({ retry: { attempts: 3 } }))).toThrow(/config\.json: retry: /);
  });
});
