// The HTTP face of `joinery serve`: health, readiness, metrics, and POST/GET /v1/events with bearer
// tokens, idempotency by event id, and 4xx answers that queue nothing.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_EVENT_BYTES } from '../../core/pipeline/index.ts';
import { joinerEvent, returns, startHarness, type Harness } from './harness.ts';

describe('joinery serve: the events API', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness({ functions: [{ name: 'make-username', behaviour: returns({ username: 'jsmith' }) }] });
  });
  afterEach(async () => {
    await harness.close();
  });

  it('answers health and readiness without a token', async () => {
    expect(await harness.request('GET', '/healthz')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await harness.request('GET', '/readyz')).toMatchObject({ status: 200, body: { status: 'ready' } });
    expect((await harness.request('GET', '/nowhere')).status).toBe(404);
  });

  it('queues an event from a source token (202 with its id), and the same id again does nothing new', async () => {
    const source = harness.token('source', 'bamboohr');
    const first = await harness.request('POST', '/v1/events', { token: source, body: joinerEvent('evt-1') });
    expect(first).toMatchObject({ status: 202, body: { id: 'evt-1' } });
    const again = await harness.request('POST', '/v1/events', { token: source, body: joinerEvent('evt-1', { occurredAt: '2030-01-01T00:00:00Z' }) });
    expect(again).toMatchObject({ status: 202, body: { id: 'evt-1' } });

    const done = await harness.waitForStatus('evt-1', ['done']);
    expect(done).toMatchObject({ id: 'evt-1', status: 'done', source: 'bamboohr', attempts: 1, results: { 'make-username': { outcome: 'returned', output: { username: 'jsmith' } } } });
    expect(await harness.queue.list()).toHaveLength(1);
    expect(harness.runs.get('make-username')).toBe(1);
    expect((await harness.queue.get('evt-1'))?.payload).toMatchObject({ occurredAt: '2026-11-20T09:00:00Z' });
  });

  it('accepts operators too, and refuses other roles and missing or bad tokens, each audited, nothing queued', async () => {
    expect((await harness.request('POST', '/v1/events', { token: harness.token('operator'), body: joinerEvent('by-operator') })).status).toBe(202);
    expect(await harness.request('POST', '/v1/events', { body: joinerEvent('x1') })).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHORIZED' } } });
    expect((await harness.request('POST', '/v1/events', { token: 'jny_0123456789abcdef_' + 'A'.repeat(43), body: joinerEvent('x2') })).status).toBe(401);
    expect(await harness.request('POST', '/v1/events', { token: harness.token('author', 'ann'), body: joinerEvent('x3') })).toMatchObject({
      status: 403,
      body: { error: { code: 'FORBIDDEN', message: expect.stringContaining('ann (role author) may not submit_event') } },
    });
    expect((await harness.queue.list()).map((event) => event.id)).toEqual(['by-operator']);
    const denials = harness.registry.listAudit({ allowed: false });
    expect(denials.map((entry) => [entry.actor, entry.action])).toEqual(expect.arrayContaining([['anonymous', 'submit_event'], ['ann', 'submit_event']]));
  });

  it.each([
    ['not JSON', '{"type":', /not valid JSON/],
    ['an array', '[]', /not a lifecycle event/],
    ['an unknown type', JSON.stringify(joinerEvent('x', { type: 'user.promoted' })), /type/],
    ['no person', JSON.stringify({ type: 'user.joined', id: 'x', occurredAt: '2026-01-01T00:00:00Z' }), /person/],
    ['a blank id', JSON.stringify(joinerEvent('   ')), /id: must be 1-200 characters/],
  ])('answers 400 for %s and queues nothing', async (_label, rawBody, message) => {
    const response = await harness.request('POST', '/v1/events', { token: harness.token('source'), rawBody });
    expect(response).toMatchObject({ status: 400, body: { error: { code: 'INVALID_INPUT', message: expect.stringMatching(message) } } });
    expect(await harness.queue.list()).toEqual([]);
  });

  it('answers 413 for a body over the event size limit and queues nothing', async () => {
    const huge = JSON.stringify(joinerEvent('big', { padding: 'x'.repeat(MAX_EVENT_BYTES) }));
    const response = await harness.request('POST', '/v1/events', { token: harness.token('source'), rawBody: huge });
    expect(response).toMatchObject({ status: 413, body: { error: { code: 'TOO_LARGE' } } });
    expect(await harness.queue.list()).toEqual([]);
  });

  it('shows an event to operators and auditors only, and 404 for an unknown id', async () => {
    const source = harness.token('source');
    await harness.request('POST', '/v1/events', { token: source, body: joinerEvent('evt/with spaces') });
    expect((await harness.request('GET', '/v1/events/evt%2Fwith%20spaces', { token: source })).status).toBe(403);
    const shown = await harness.request('GET', '/v1/events/evt%2Fwith%20spaces', { token: harness.token('auditor') });
    expect(shown.status).toBe(200);
    expect(shown.body.id).toBe('evt/with spaces');
    expect(shown.body).not.toHaveProperty('payload');
    expect((await harness.request('GET', '/v1/events/missing', { token: harness.token('operator') })).status).toBe(404);
  });

  it('exposes events by status, queue depth, submissions and step durations as Prometheus text', async () => {
    await harness.request('POST', '/v1/events', { token: harness.token('source'), body: joinerEvent('evt-m') });
    await harness.waitForStatus('evt-m', ['done']);
    await harness.request('POST', '/v1/events', { body: joinerEvent('anonymous') });
    const { status, text } = await harness.request('GET', '/metrics');
    expect(status).toBe(200);
    expect(text).toContain('joinery_events{status="done"} 1');
    expect(text).toContain('joinery_events{status="dead"} 0');
    expect(text).toContain('joinery_queue_depth 0');
    expect(text).toContain('joinery_event_submissions_total{result="accepted"} 1');
    expect(text).toContain('joinery_event_submissions_total{result="rejected"} 1');
    expect(text).toMatch(/joinery_step_duration_seconds_bucket\{outcome="returned",le="\+Inf"\} 1/);
    expect(text).toContain('joinery_step_duration_seconds_count{outcome="returned"} 1');
  });

  it('logs JSON lines with event ids and never the payload', async () => {
    await harness.request('POST', '/v1/events', { token: harness.token('source'), body: joinerEvent('evt-log') });
    await harness.waitForStatus('evt-log', ['done']);
    const lines = harness.logLines();
    expect(lines.some((line) => line.msg === 'event queued' && line.eventId === 'evt-log')).toBe(true);
    expect(lines.some((line) => line.msg === 'event processed' && line.eventId === 'evt-log' && line.disposition === 'done')).toBe(true);
    expect(JSON.stringify(lines)).not.toContain('Smith');
  });
});
