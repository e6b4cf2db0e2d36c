// review_function, activate_version, run_function (dry run), list_executions and get_execution
// through a real Client.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { publishFunction } from '../../core/pipeline/index.ts';
import { createHarness, structured } from './harness.ts';
import { SAMPLE_NAME, sampleEvent, sampleFixtures, sampleSource } from './sample-function.ts';

const harness = createHarness();
let carol: Client;
let otto: Client;
beforeAll(async () => {
  carol = await harness.connect({ name: 'carol', role: 'reviewer' });
  otto = await harness.connect({ name: 'otto', role: 'operator' });
});
afterAll(() => harness.close());

async function publishPending(suffixStart: number): Promise<number> {
  const published = await publishFunction({ source: sampleSource({ suffixStart }), fixturesText: sampleFixtures({ suffixStart }), author: 'alice', requestedBy: 'hr-bob', toolchain: harness.deps.toolchain, registry: harness.registry });
  if (!published.ok) throw new Error('sample did not publish');
  return published.version.version;
}

describe('review_function and activate_version', () => {
  it('refuses to run a function with no approved version', async () => {
    await publishPending(1);
    const result = await otto.callTool({ name: 'run_function', arguments: { name: SAMPLE_NAME, input: sampleEvent(), dry_run: true } });
    expect(structured(result)).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('no approved version') });
  });

  it('approves with a comment and makes the version active', async () => {
    const result = await carol.callTool({ name: 'review_function', arguments: { name: SAMPLE_NAME, version: 1, decision: 'approve', comment: 'clash suffix ok' } });
    expect(result.isError).toBeFalsy();
    expect(structured(result)).toMatchObject({ name: SAMPLE_NAME, version: 1, review: { reviewer: 'carol', decision: 'approved', comment: 'clash suffix ok' }, activeVersion: 1 });
  });

  it('answers CONFLICT for a second review of the same version', async () => {
    const result = await carol.callTool({ name: 'review_function', arguments: { name: SAMPLE_NAME, version: 1, decision: 'reject' } });
    expect(structured(result)).toMatchObject({ code: 'CONFLICT' });
  });

  it('rejects a version, which then cannot be activated', async () => {
    await publishPending(3);
    const rejected = await carol.callTool({ name: 'review_function', arguments: { name: SAMPLE_NAME, version: 2, decision: 'reject', comment: 'why start at 3?' } });
    expect(structured(rejected)).toMatchObject({ review: { decision: 'rejected' }, activeVersion: 1 });
    const activated = await otto.callTool({ name: 'activate_version', arguments: { name: SAMPLE_NAME, version: 2 } });
    expect(structured(activated)).toMatchObject({ code: 'CONFLICT' });
  });

  it('rolls back to an earlier approved version, recorded in the audit trail', async () => {
    await publishPending(2);
    await carol.callTool({ name: 'review_function', arguments: { name: SAMPLE_NAME, version: 3, decision: 'approve' } });
    const result = await otto.callTool({ name: 'activate_version', arguments: { name: SAMPLE_NAME, version: 1 } });
    expect(structured(result)).toEqual({ name: SAMPLE_NAME, activeVersion: 1, previousVersion: 3 });
    expect(harness.registry.getActiveVersion(SAMPLE_NAME)?.version).toBe(1);
    expect(harness.registry.listAudit({ actor: 'otto' })[0]).toMatchObject({ action: 'activate', target: `${SAMPLE_NAME}@1`, allowed: true });
  });
});

describe('run_function and the execution log', () => {
  let executionId: number;

  it('runs the active version as a dry run: the call is recorded, not sent', async () => {
    harness.deps.directory.importUsers([{ id: 'u1', username: 'jsmith', email: 'jsmith@example.com', displayName: 'J Smith', employeeId: 'E9', department: 'Sales', status: 'active', groups: [] }]);
    const result = await otto.callTool({ name: 'run_function', arguments: { name: SAMPLE_NAME, input: sampleEvent(), dry_run: true } });
    expect(result.isError).toBeFalsy();
    const { returned, execution } = structured(result);
    expect(returned).toBe(true);
    expect(execution).toMatchObject({ name: SAMPLE_NAME, version: 1, caller: 'otto', dryRun: true, eventId: 'evt-1', outcome: { kind: 'returned', value: { username: 'jsmith1', announced: 202 } } });
    expect(execution.calls).toEqual([expect.objectContaining({ method: 'POST', url: 'https://hooks.example.com/joiners', body: '{"username":"jsmith1"}' })]);
    executionId = execution.id;
  });

  it('runs a named approved version, and refuses a rejected one', async () => {
    const named = await otto.callTool({ name: 'run_function', arguments: { name: SAMPLE_NAME, version: 3, input: sampleEvent(), dry_run: true } });
    expect(structured(named).execution).toMatchObject({ version: 3, outcome: { value: { username: 'jsmith2' } } });
    const rejected = await otto.callTool({ name: 'run_function', arguments: { name: SAMPLE_NAME, version: 2, input: sampleEvent(), dry_run: true } });
    expect(structured(rejected)).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('only approved versions run') });
  });

  it('refuses an event that is not a lifecycle event, naming what is missing, and runs nothing', async () => {
    const result = await otto.callTool({ name: 'run_function', arguments: { name: SAMPLE_NAME, input: { type: 'user.joined' }, dry_run: true } });
    expect(structured(result)).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('input.person') });
    expect(harness.registry.listExecutions(SAMPLE_NAME)).toHaveLength(2);
  });

  it('a live run goes through the egress client the server was given', async () => {
    const result = await otto.callTool({ name: 'run_function', arguments: { name: SAMPLE_NAME, input: sampleEvent() } });
    expect(structured(result)).toMatchObject({ returned: false, execution: { dryRun: false, outcome: { kind: 'threw', message: expect.stringContaining('live egress is disabled in tests') } } });
  });

  it('lists executions newest first and reads one in full', async () => {
    const listed = structured(await otto.callTool({ name: 'list_executions', arguments: { name: SAMPLE_NAME, limit: 10 } }));
    expect(listed.executions.map((entry: any) => entry.outcome)).toEqual(['threw', 'returned', 'returned']);
    const one = structured(await otto.callTool({ name: 'get_execution', arguments: { id: executionId } }));
    expect(one.execution).toMatchObject({ id: executionId, input: sampleEvent(), logs: [expect.objectContaining({ level: 'info', message: 'announced' })] });
  });

  it('answers NOT_FOUND for an unknown execution or function', async () => {
    expect(structured(await otto.callTool({ name: 'get_execution', arguments: { id: 999_999 } }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(structured(await otto.callTool({ name: 'list_executions', arguments: { name: 'nobody-here' } }))).toMatchObject({ code: 'NOT_FOUND' });
  });
});
