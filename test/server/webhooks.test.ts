// Signed webhooks: a good signature queues the mapped events; a bad signature, a stale timestamp, a
// replayed delivery, an oversized or malformed body, an unknown source or a failing mapping is a 4xx,
// queues nothing and is audited.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_EVENT_BYTES } from '../../core/pipeline/index.ts';
import { signWebhook } from '../../server/index.ts';
import { returns, startHarness, type Harness } from './harness.ts';
import { BAMBOOHR_PAYLOAD, mapBambooHr, mapWorkday, WORKDAY_PAYLOAD } from './hr-payloads.ts';

const SECRETS = { BAMBOOHR_WEBHOOK_SECRET: 'bamboo-shared-secret', WORKDAY_WEBHOOK_SECRET: 'workday-shared-secret' };
const NOW = Date.parse('2026-11-20T10:31:00Z');

describe('signed webhooks', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness({
      functions: [
        { name: 'map-bamboohr', trigger: 'manual', behaviour: mapBambooHr },
        { name: 'map-workday', trigger: 'manual', behaviour: mapWorkday },
        { name: 'map-broken', trigger: 'manual', behaviour: returns({ not: 'an event' }) },
        { name: 'make-username', behaviour: returns({ username: 'x' }) },
      ],
      hooks: {
        sources: {
          bamboohr: { secret: 'BAMBOOHR_WEBHOOK_SECRET', mapping: 'map-bamboohr' },
          workday: { secret: 'WORKDAY_WEBHOOK_SECRET', mapping: 'map-workday' },
          broken: { secret: 'BAMBOOHR_WEBHOOK_SECRET', mapping: 'map-broken' },
          unset: { secret: 'NOT_SET_SECRET', mapping: 'map-bamboohr' },
        },
        secrets: SECRETS,
        now: () => NOW,
      },
    });
  });
  afterEach(async () => {
    await harness.close();
  });

  const deliver = (source: string, body: string, { secret = SECRETS.BAMBOOHR_WEBHOOK_SECRET, timestamp = String(NOW / 1000), signature }: { secret?: string; timestamp?: string; signature?: string } = {}) =>
    harness.request('POST', `/v1/hooks/${source}`, {
      rawBody: body,
      headers: { 'x-joinery-timestamp': timestamp, 'x-joinery-signature': signature ?? signWebhook(secret, timestamp, body) },
    });
  const refusals = () => harness.registry.listAudit({ allowed: false }).filter((entry) => entry.action === 'webhook');

  it('maps a BambooHR-shaped delivery to a joiner event and runs it', async () => {
    const response = await deliver('bamboohr', JSON.stringify(BAMBOOHR_PAYLOAD));
    expect(response).toMatchObject({ status: 202, body: { ids: ['bamboohr-4021-2026-11-20T09:00:00+00:00'] } });
    const event = await harness.queue.get('bamboohr-4021-2026-11-20T09:00:00+00:00');
    expect(event).toMatchObject({ source: 'hook:bamboohr', type: 'user.joined', payload: { person: { firstName: 'Maria', lastName: 'García', department: 'Finance', employmentType: 'employee' } } });
    await harness.waitForStatus('bamboohr-4021-2026-11-20T09:00:00+00:00', ['done']);
    expect(harness.registry.listExecutions('map-bamboohr', { limit: 5 })[0]).toMatchObject({ caller: 'hook:bamboohr' });
  });

  it('maps a Workday-shaped delivery to a joiner event', async () => {
    const response = await deliver('workday', JSON.stringify(WORKDAY_PAYLOAD), { secret: SECRETS.WORKDAY_WEBHOOK_SECRET });
    expect(response).toMatchObject({ status: 202, body: { ids: ['workday-BP-77812'] } });
    expect(await harness.queue.get('workday-BP-77812')).toMatchObject({ payload: { person: { employeeId: '21004', firstName: 'Kenji', employmentType: 'contractor', startDate: '2026-12-07' } } });
  });

  it.each([
    ['a signature made with another secret', { secret: 'guessed' }, 401, 'bad-signature'],
    ['a garbage signature', { signature: 'sha256=00' }, 401, 'bad-signature'],
    ['a stale timestamp (10 minutes old)', { timestamp: String(NOW / 1000 - 600) }, 401, 'stale-timestamp'],
    ['a timestamp from the future', { timestamp: String(NOW / 1000 + 600) }, 401, 'stale-timestamp'],
    ['a timestamp that is not a number', { timestamp: 'yesterday' }, 401, 'bad-timestamp'],
  ])('refuses %s: %i, nothing queued, audited', async (_label, options, status, reason) => {
    const response = await deliver('bamboohr', JSON.stringify(BAMBOOHR_PAYLOAD), options);
    expect(response.status).toBe(status);
    expect(await harness.queue.list()).toEqual([]);
    expect(refusals()[0]).toMatchObject({ actor: 'hook:bamboohr', detail: { status, reason } });
  });

  it('refuses an unsigned delivery', async () => {
    const response = await harness.request('POST', '/v1/hooks/bamboohr', { rawBody: JSON.stringify(BAMBOOHR_PAYLOAD) });
    expect(response).toMatchObject({ status: 401, body: { error: { code: 'BAD_SIGNATURE' } } });
    expect(await harness.queue.list()).toEqual([]);
  });

  it('accepts a signed delivery once: the same delivery again is refused as a replay, nothing new queued', async () => {
    const body = JSON.stringify(BAMBOOHR_PAYLOAD);
    expect((await deliver('bamboohr', body)).status).toBe(202);
    const replayed = await deliver('bamboohr', body);
    expect(replayed).toMatchObject({ status: 409, body: { error: { code: 'REPLAYED' } } });
    expect(await harness.queue.list()).toHaveLength(1);
    expect(refusals()[0]).toMatchObject({ detail: { reason: 'replay' } });
  });

  it('refuses an oversized body with 413', async () => {
    const body = JSON.stringify({ ...BAMBOOHR_PAYLOAD, padding: 'x'.repeat(MAX_EVENT_BYTES) });
    expect((await deliver('bamboohr', body)).status).toBe(413);
    expect(await harness.queue.list()).toEqual([]);
    expect(refusals()[0]).toMatchObject({ detail: { reason: 'too-large' } });
  });

  it.each([
    ['not JSON', '{"employees": ['],
    ['a JSON array', '[1, 2]'],
  ])('refuses a correctly signed body that is %s with 400', async (_label, body) => {
    expect((await deliver('bamboohr', body)).status).toBe(400);
    expect(await harness.queue.list()).toEqual([]);
    expect(refusals()[0]).toMatchObject({ detail: { reason: 'malformed' } });
  });

  it('refuses with 422 when the mapping does not produce lifecycle events', async () => {
    const response = await deliver('broken', JSON.stringify(BAMBOOHR_PAYLOAD));
    expect(response).toMatchObject({ status: 422, body: { error: { code: 'MAPPING_FAILED', message: expect.stringContaining('not a lifecycle event') } } });
    expect(await harness.queue.list()).toEqual([]);
  });

  it('answers 404 for an unknown source and 503 when the source has no secret set', async () => {
    expect((await deliver('payroll', JSON.stringify(BAMBOOHR_PAYLOAD))).status).toBe(404);
    expect(await deliver('unset', JSON.stringify(BAMBOOHR_PAYLOAD))).toMatchObject({ status: 503, body: { error: { message: expect.stringContaining('NOT_SET_SECRET') } } });
    expect(await harness.queue.list()).toEqual([]);
    expect(refusals().map((entry) => entry.detail)).toEqual(expect.arrayContaining([expect.objectContaining({ reason: 'unknown-source' }), expect.objectContaining({ reason: 'no-secret' })]));
  });
});
