// The lifecycle runtime over MCP, through a real Client: operators and auditors read the queue (payloads
// included), operators replay dead, failed or held events and resume quarantined functions, each audited;
// a server built without the runtime's stores says so.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { createSqliteEventQueue } from '../../core/events/index.ts';
import { createSqliteGuardStore } from '../../core/guards/index.ts';
import { createHarness, structured } from './harness.ts';

const harness = createHarness();
const events = createSqliteEventQueue(harness.db);
const guards = createSqliteGuardStore(harness.db);
let operator: Client;
let auditor: Client;
beforeAll(async () => {
  operator = await harness.connectWith({ ...harness.deps, events, guards }, { name: 'olga', role: 'operator' });
  auditor = await harness.connectWith({ ...harness.deps, events, guards }, { name: 'audrey', role: 'auditor' });
});
afterAll(() => harness.close());

const PAYLOAD = { person: { firstName: 'John', lastName: 'Smith' } };

async function failedEvent(id: string): Promise<void> {
  await events.enqueue({ id, type: 'user.joined', payload: PAYLOAD, source: 'test' });
  const claimed = await events.claim({ owner: 'worker', leaseMs: 60_000 });
  if (claimed?.event.id !== id) throw new Error(`expected to claim ${id}`);
  await events.fail({ id, leaseId: claimed.leaseId, error: 'target said no', retryable: false });
}

describe('event tools', () => {
  it('lists events for an auditor and shows one with its payload', async () => {
    await failedEvent('evt-read');
    const listed = structured(await auditor.callTool({ name: 'list_events', arguments: { status: 'failed' } }));
    expect(listed.events).toEqual([expect.objectContaining({ id: 'evt-read', type: 'user.joined', status: 'failed', lastError: 'target said no' })]);
    expect(listed.events[0]).not.toHaveProperty('payload');
    const shown = structured(await auditor.callTool({ name: 'get_event', arguments: { id: 'evt-read' } }));
    expect(shown.event).toMatchObject({ id: 'evt-read', payload: PAYLOAD, status: 'failed' });
    const missing = await auditor.callTool({ name: 'get_event', arguments: { id: 'nope' } });
    expect([missing.isError, structured(missing).code]).toEqual([true, 'NOT_FOUND']);
  });

  it('replays a failed event for an operator, audited; a queued one is CONFLICT, audited as refused', async () => {
    await failedEvent('evt-replay');
    const replayed = await operator.callTool({ name: 'replay_event', arguments: { id: 'evt-replay' } });
    expect(structured(replayed)).toEqual({ id: 'evt-replay', was: 'failed' });
    expect(await events.get('evt-replay')).toMatchObject({ status: 'queued', attempts: 0 });
    const again = await operator.callTool({ name: 'replay_event', arguments: { id: 'evt-replay' } });
    expect([again.isError, structured(again).code]).toEqual([true, 'CONFLICT']);
    const audit = harness.registry.listAudit({ actor: 'olga' }).filter((entry) => entry.action === 'event.replay');
    expect(audit.map((entry) => [entry.target, entry.allowed]).sort()).toEqual([['evt-replay', false], ['evt-replay', true]]);
  });

  it('resumes a quarantined function: lifted, its held events queued again, audited', async () => {
    await events.enqueue({ id: 'evt-held', type: 'user.joined', payload: PAYLOAD, source: 'test' });
    guards.quarantine({ target: 'function:grant-vpn', reason: 'failure share 80%', at: Date.now() });
    await events.hold({ id: 'evt-held', reason: 'function:grant-vpn is quarantined' });
    guards.noteHeld({ target: 'function:grant-vpn', eventId: 'evt-held', at: Date.now() });
    const resumed = structured(await operator.callTool({ name: 'resume_function', arguments: { name: 'grant-vpn' } }));
    expect(resumed).toEqual({ lifted: ['function:grant-vpn'], replayed: ['evt-held'] });
    expect((await events.get('evt-held'))?.status).toBe('queued');
    expect(guards.listQuarantines()).toEqual([]);
    const resumes = harness.registry.listAudit({ actor: 'olga' }).filter((entry) => entry.action === 'resume');
    expect(resumes.map((entry) => [entry.target, entry.allowed])).toEqual([['function:grant-vpn', true]]);
    const notQuarantined = await operator.callTool({ name: 'resume_function', arguments: { name: 'grant-vpn' } });
    expect([notQuarantined.isError, structured(notQuarantined).code]).toEqual([true, 'NOT_FOUND']);
  });

  it('answers NOT_FOUND naming the missing store when the server has no runtime', async () => {
    const bare = await harness.connect({ name: 'otto', role: 'operator' });
    for (const [name, args] of [['list_events', {}], ['resume_function', { name: 'x' }]] as const) {
      const result = await bare.callTool({ name, arguments: args });
      const { code, message } = structured(result);
      expect([name, result.isError, code, message]).toEqual([name, true, 'NOT_FOUND', expect.stringContaining('configured')]);
    }
  });
});
