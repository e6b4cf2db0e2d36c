// What every client reads into its context: tools/list for each role (printed, and under 15 KB for the
// full set), and the results of author_function and get_function (a summary and links, not the code).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { TOKEN_ROLES as ROLES } from '../../core/tokens/index.ts';
import { createHarness, structured } from './harness.ts';

const REQUIREMENT = 'Usernames are the first initial plus the last name in lowercase; if taken add 1, 2, 3; keep it within 20 characters for AD';
const LISTING_LIMIT = 15_000;

const harness = createHarness();
let admin: Client;
beforeAll(async () => {
  admin = await harness.connect({ name: 'ada', role: 'admin' });
});
afterAll(() => harness.close());

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');
const textBytes = (result: CallToolResult) => result.content.reduce((total, block) => total + (block.type === 'text' ? Buffer.byteLength(block.text, 'utf8') : 0), 0);

describe('tools/list', () => {
  it(`is under ${LISTING_LIMIT} bytes with every tool, and smaller for each role`, async () => {
    const full = await admin.listTools();
    const sizes: Record<string, number> = { admin: bytes(full) };
    for (const role of ROLES) sizes[role] = bytes(await (await harness.connect({ name: `${role}-user`, role })).listTools());
    console.log(`tools/list bytes: ${Object.entries(sizes).map(([role, size]) => `${role} ${size}`).join(', ')} (${full.tools.length} tools)`);
    expect(full.tools).toHaveLength(26);
    expect(sizes.admin).toBeLessThan(LISTING_LIMIT);
    for (const role of ROLES) expect(sizes[role]).toBeLessThan(sizes.admin ?? 0);
  });

  it('lists for each role exactly the tools it may call', async () => {
    const names = async (role: (typeof ROLES)[number]) => (await (await harness.connect({ name: `${role}-lister`, role })).listTools()).tools.map((tool) => tool.name);
    const reading = ['list_functions', 'get_function', 'list_versions', 'diff_versions'];
    const flows = ['list_flows', 'get_flow'];
    const runtimeReading = ['list_executions', 'get_execution', 'list_events', 'get_event'];
    expect(await names('auditor')).toEqual([...reading, ...flows, ...runtimeReading]);
    const drafts = ['save_draft', 'list_drafts', 'get_draft', 'delete_draft'];
    const authoring = ['check_function', 'test_function', 'author_function', ...drafts, 'publish_function', 'withdraw_version'];
    expect(await names('author')).toEqual([...reading, ...authoring, ...flows, 'publish_flow']);
    expect(await names('reviewer')).toEqual([...reading, 'check_function', 'test_function', 'review_function', 'activate_version', ...flows, 'review_flow']);
    const operating = ['activate_version', ...flows, 'run_function', ...runtimeReading, 'replay_event', 'resume_function'];
    expect(await names('operator')).toEqual([...reading, ...operating]);
    const anonymous = await harness.connectWith(harness.deps, undefined);
    expect((await anonymous.listTools()).tools).toEqual([]);
  });
});

describe('result sizes', () => {
  it('author_function answers in under 4 KB of text, with links to the code', async () => {
    const result = (await admin.callTool({ name: 'author_function', arguments: { requirement: REQUIREMENT } })) as CallToolResult;
    expect(structured(result)).toMatchObject({ ok: true });
    console.log(`author_function: ${textBytes(result)} bytes of text, ${bytes(result)} bytes in all`);
    expect(textBytes(result)).toBeLessThan(4_000);
    expect(bytes(result)).toBeLessThan(8_000);
    expect(JSON.stringify(result)).not.toContain('defineFunction');
  });

  it('get_function answers with a summary unless parts are asked for', async () => {
    const [draft] = structured(await admin.callTool({ name: 'list_drafts', arguments: {} })).drafts;
    await admin.callTool({ name: 'publish_function', arguments: { draft: draft.name } });
    const name = structured(await admin.callTool({ name: 'list_functions', arguments: {} })).functions[0].name;
    const summary = (await admin.callTool({ name: 'get_function', arguments: { name } })) as CallToolResult;
    const full = (await admin.callTool({ name: 'get_function', arguments: { name, include: ['source', 'spec', 'fixtures', 'reports'] } })) as CallToolResult;
    console.log(`get_function: summary ${bytes(summary)} bytes (text ${textBytes(summary)}), with every part ${bytes(full)} bytes`);
    expect(bytes(summary)).toBeLessThan(4_000);
    expect(summary.content.filter((block) => block.type === 'resource_link')).toHaveLength(3);
    expect(structured(full).source).toContain('defineFunction');
  });
});
