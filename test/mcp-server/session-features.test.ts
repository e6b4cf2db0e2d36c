// The MCP session features, through real Clients: confirmation by elicitation before an approval, an
// activation and a live run that can call out (and not when the client cannot ask); log messages at the
// level the client set; progress with a total that ends with the outcome; version aliases in tools and
// resource URIs; pagination and filters; completion of function names and versions.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { ElicitRequestSchema, LoggingMessageNotificationSchema, type ElicitRequest, type LoggingMessageNotification, type Progress } from '@modelcontextprotocol/sdk/types.js';
import { createServer, type Principal } from '../../mcp-server/index.ts';
import { createHarness, structured } from './harness.ts';
import { SAMPLE_NAME, sampleEvent, sampleFixtures, sampleSource } from './sample-function.ts';

const harness = createHarness();
const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const close of closers) await close();
  await harness.close();
});

/** A client that can be asked (elicitation), answering with `answer`, and that records what it is told. */
async function askingClient(principal: Principal, answer: (request: ElicitRequest) => 'accept' | 'decline') {
  const mcp = createServer({ ...harness.deps, localPrincipal: principal });
  const client = new Client({ name: 'asking', version: '0.0.0' }, { capabilities: { elicitation: {} } });
  const questions: string[] = [];
  const logs: LoggingMessageNotification['params'][] = [];
  client.setRequestHandler(ElicitRequestSchema, async (request) => {
    questions.push(request.params.message);
    return answer(request) === 'accept' ? { action: 'accept', content: { confirm: true } } : { action: 'decline' };
  });
  client.setNotificationHandler(LoggingMessageNotificationSchema, (notification) => {
    logs.push(notification.params);
  });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await Promise.all([mcp.server.connect(serverSide), client.connect(clientSide)]);
  closers.push(async () => {
    await client.close();
    await mcp.close();
  });
  return { client, questions, logs };
}

const call = async (client: Client, name: string, args: Record<string, unknown>) => structured(await client.callTool({ name, arguments: args }));

beforeAll(async () => {
  await harness.publishApproved({ suffixStart: 1 });
  await harness.publishApproved({ suffixStart: 2 });
});

describe('confirmation by elicitation', () => {
  it('asks before an activation; a no changes nothing, a yes activates', async () => {
    const no = await askingClient({ name: 'rita', role: 'reviewer' }, () => 'decline');
    expect(await call(no.client, 'activate_version', { name: SAMPLE_NAME, version: 1 })).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('declined') });
    expect(no.questions).toEqual([expect.stringContaining(`${SAMPLE_NAME}@1`)]);
    expect(harness.registry.getActiveVersion(SAMPLE_NAME)?.version).toBe(2);
    const yes = await askingClient({ name: 'rita', role: 'reviewer' }, () => 'accept');
    expect(await call(yes.client, 'activate_version', { name: SAMPLE_NAME, version: 1 })).toMatchObject({ activeVersion: 1, previousVersion: 2 });
    harness.registry.activate(SAMPLE_NAME, 2);
  });

  it('asks before an approval but not a rejection', async () => {
    const alice = await harness.connect({ name: 'alice', role: 'author' });
    await call(alice, 'publish_function', { source: sampleSource({ suffixStart: 3 }), fixtures: sampleFixtures({ suffixStart: 3 }) });
    const no = await askingClient({ name: 'rita', role: 'reviewer' }, () => 'decline');
    expect(await call(no.client, 'review_function', { name: SAMPLE_NAME, version: 'latest', decision: 'approve' })).toMatchObject({ code: 'CONFLICT' });
    expect(harness.registry.listReviews(SAMPLE_NAME, 3)).toEqual([]);
    expect(await call(no.client, 'review_function', { name: SAMPLE_NAME, version: 3, decision: 'reject', comment: 'starts at 3' })).toMatchObject({ review: { decision: 'rejected' } });
    expect(no.questions).toHaveLength(1);
  });

  it('asks before a live run that can call out, not before a dry run', async () => {
    const no = await askingClient({ name: 'otto', role: 'operator' }, () => 'decline');
    expect(await call(no.client, 'run_function', { name: SAMPLE_NAME, input: sampleEvent(), dry_run: true })).toMatchObject({ returned: true });
    expect(no.questions).toEqual([]);
    expect(await call(no.client, 'run_function', { name: SAMPLE_NAME, input: sampleEvent() })).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('dry_run') });
    expect(no.questions).toEqual([expect.stringContaining('hooks.example.com')]);
    expect(harness.registry.listExecutions(SAMPLE_NAME).map((entry) => entry.dryRun)).toEqual([true]);
  });
});

describe('logging and progress', () => {
  it('sends log messages at or above the level the client set', async () => {
    const alice = await askingClient({ name: 'alice', role: 'author' }, () => 'accept');
    await call(alice.client, 'save_draft', { name: 'logged', source: sampleSource(), fixtures: sampleFixtures() });
    expect(alice.logs).toContainEqual(expect.objectContaining({ level: 'info', logger: 'joinery/save_draft', data: expect.objectContaining({ message: 'saved draft logged' }) }));
    await alice.client.setLoggingLevel('warning');
    await call(alice.client, 'delete_draft', { name: 'logged' });
    expect(alice.logs.filter((entry) => entry.logger === 'joinery/delete_draft')).toEqual([]);
  });

  it('reports progress with a total, ending with the outcome, on success and on failure', async () => {
    const alice = await harness.connect({ name: 'alice', role: 'author' });
    const progress: Progress[] = [];
    await alice.callTool({ name: 'publish_function', arguments: { source: sampleSource({ suffixStart: 4 }), fixtures: sampleFixtures({ suffixStart: 4 }) } }, undefined, { onprogress: (event) => progress.push(event) });
    expect(progress).toEqual([
      { progress: 1, total: 2, message: 'publishing the given source' },
      { progress: 2, total: 2, message: `published ${SAMPLE_NAME}@4` },
    ]);
    progress.length = 0;
    await alice.callTool({ name: 'publish_function', arguments: { source: sampleSource({ suffixStart: 5 }), fixtures: sampleFixtures() } }, undefined, { onprogress: (event) => progress.push(event) });
    expect(progress.at(-1)).toMatchObject({ progress: 2, total: 2, message: expect.stringMatching(/^failed: TESTS_FAILED: not published/) });
  });
});

describe('version aliases', () => {
  it('resolves latest and active in tools and resource URIs', async () => {
    const reader = await harness.connect({ name: 'audrey', role: 'auditor' });
    expect(await call(reader, 'get_function', { name: SAMPLE_NAME, version: 'active' })).toMatchObject({ version: 2, active: true });
    expect(await call(reader, 'get_function', { name: SAMPLE_NAME, version: 'latest' })).toMatchObject({ version: 4, status: 'pending_review' });
    expect(await call(reader, 'diff_versions', { name: SAMPLE_NAME, from: 'active', to: 'latest' })).toMatchObject({ from: 2, to: 4 });
    const active = await reader.readResource({ uri: `joinery://functions/${SAMPLE_NAME}/versions/active/source` });
    expect(JSON.stringify(active.contents[0])).toContain('let n = 2');
    const latest = await reader.readResource({ uri: `joinery://functions/${SAMPLE_NAME}/versions/latest/source` });
    expect(JSON.stringify(latest.contents[0])).toContain('let n = 4');
  });
});

describe('pagination and filters', () => {
  it('filters and pages executions by outcome, dry run, event id and time', async () => {
    const otto = await harness.connect({ name: 'otto', role: 'operator' });
    for (const id of ['evt-a', 'evt-b', 'evt-c']) await call(otto, 'run_function', { name: SAMPLE_NAME, input: { ...sampleEvent(), id }, dry_run: true });
    const first = await call(otto, 'list_executions', { name: SAMPLE_NAME, limit: 2 });
    expect(first.executions.map((entry: { eventId: string }) => entry.eventId)).toEqual(['evt-c', 'evt-b']);
    const second = await call(otto, 'list_executions', { name: SAMPLE_NAME, limit: 2, cursor: first.nextCursor });
    expect(second.executions.map((entry: { eventId: string }) => entry.eventId)).toEqual(['evt-a', 'evt-1']);
    expect(second.nextCursor).toBeUndefined();
    expect((await call(otto, 'list_executions', { name: SAMPLE_NAME, event_id: 'evt-b' })).executions).toHaveLength(1);
    expect((await call(otto, 'list_executions', { name: SAMPLE_NAME, dry_run: false })).executions).toEqual([]);
    expect((await call(otto, 'list_executions', { name: SAMPLE_NAME, outcome: 'threw' })).executions).toEqual([]);
    expect((await call(otto, 'list_executions', { name: SAMPLE_NAME, since: '2999-01-01T00:00:00Z' })).executions).toEqual([]);
    expect(await call(otto, 'list_executions', { name: SAMPLE_NAME, cursor: first.nextCursor.slice(1) })).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('filters versions and functions by status, and pages them', async () => {
    const reader = await harness.connect({ name: 'audrey', role: 'auditor' });
    expect((await call(reader, 'list_versions', { name: SAMPLE_NAME, status: 'rejected' })).versions.map((entry: { version: number }) => entry.version)).toEqual([3]);
    const paged = await call(reader, 'list_versions', { name: SAMPLE_NAME, limit: 3 });
    expect(paged.versions.map((entry: { version: number }) => entry.version)).toEqual([1, 2, 3]);
    expect((await call(reader, 'list_versions', { name: SAMPLE_NAME, limit: 3, cursor: paged.nextCursor })).versions.map((entry: { version: number }) => entry.version)).toEqual([4]);
    expect((await call(reader, 'list_functions', { status: 'pending_review' })).functions.map((entry: { name: string }) => entry.name)).toEqual([SAMPLE_NAME]);
    expect((await call(reader, 'list_functions', { status: 'approved' })).functions).toEqual([]);
  });
});

describe('completion', () => {
  it('completes function names and versions in resource URIs and prompt arguments', async () => {
    const reader = await harness.connect({ name: 'audrey', role: 'auditor' });
    const names = await reader.complete({ ref: { type: 'ref/resource', uri: 'joinery://functions/{name}/versions/{version}/source' }, argument: { name: 'name', value: 'wel' } });
    expect(names.completion.values).toEqual([SAMPLE_NAME]);
    const versions = await reader.complete({ ref: { type: 'ref/resource', uri: 'joinery://functions/{name}/versions/{version}/source' }, argument: { name: 'version', value: '' }, context: { arguments: { name: SAMPLE_NAME } } });
    expect(versions.completion.values).toEqual(['latest', 'active', '4', '3', '2', '1']);
    const promptVersions = await reader.complete({ ref: { type: 'ref/prompt', name: 'review_function' }, argument: { name: 'version', value: 'l' }, context: { arguments: { name: SAMPLE_NAME } } });
    expect(promptVersions.completion.values).toEqual(['latest']);
  });
});
