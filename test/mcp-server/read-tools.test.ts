// tools/list and the reading tools through a real Client: the listing's schemas and annotations,
// list_functions, get_function, list_versions and diff_versions.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { createHarness, structured } from './harness.ts';
import { SAMPLE_NAME, SAMPLE_SPEC } from './sample-function.ts';

const harness = createHarness();
let auditor: Client;
beforeAll(async () => {
  auditor = await harness.connect({ name: 'audrey', role: 'auditor' });
});
afterAll(() => harness.close());

const AUDITOR_TOOLS = [
  ...['list_functions', 'get_function', 'list_versions', 'diff_versions', 'list_flows', 'get_flow'],
  ...['list_executions', 'get_execution', 'list_events', 'get_event'],
];

/** A hint as a client reads it: missing means the protocol's default. */
function hint(tool: { annotations?: Record<string, unknown> }, name: 'readOnlyHint' | 'destructiveHint' | 'idempotentHint' | 'openWorldHint'): boolean {
  const defaults = { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true };
  const value = tool.annotations?.[name];
  return typeof value === 'boolean' ? value : defaults[name];
}

describe('tools/list', () => {
  it('lists the tools the caller\'s role may call, each with an input and an output schema', async () => {
    const { tools } = await auditor.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(AUDITOR_TOOLS);
    for (const tool of tools) {
      expect(tool.name).toMatch(/^[a-z]+(?:_[a-z]+)+$/);
      expect(tool.description?.length).toBeGreaterThan(40);
      expect(tool.outputSchema?.type).toBe('object');
    }
  });

  it('marks the reading tools read-only and the ones that change what runs as not', async () => {
    const admin = await harness.connect({ name: 'ada', role: 'admin' });
    const { tools } = await admin.listTools();
    const byName = Object.fromEntries(tools.map((tool) => [tool.name, tool]));
    for (const name of ['list_functions', 'get_function', 'list_versions', 'diff_versions', 'list_executions', 'get_execution', 'check_function', 'test_function', 'list_drafts', 'get_draft']) {
      expect([name, hint(byName[name]!, 'readOnlyHint'), hint(byName[name]!, 'openWorldHint')]).toEqual([name, true, false]);
    }
    const run = byName.run_function!;
    expect([hint(run, 'readOnlyHint'), hint(run, 'destructiveHint'), hint(run, 'openWorldHint'), hint(run, 'idempotentHint')]).toEqual([false, true, true, false]);
    expect([hint(byName.activate_version!, 'readOnlyHint'), hint(byName.activate_version!, 'destructiveHint')]).toEqual([false, true]);
    expect([hint(byName.publish_function!, 'destructiveHint'), hint(byName.publish_function!, 'idempotentHint')]).toEqual([false, true]);
  });

  it('lists output schemas that an error envelope also satisfies (the SDK client checks both)', async () => {
    // The client validates structuredContent against the listed schema even on isError results: an
    // error from every tool the auditor can call must come back without a validation error.
    const failing: Record<string, Record<string, unknown>> = {
      list_functions: { limit: 0 },
      get_function: { name: 'no-such-function' },
      list_versions: { name: 'no-such-function' },
      diff_versions: { name: 'no-such-function', from: 1, to: 2 },
      get_flow: { name: 'no-such-flow' },
      list_executions: { name: 'no-such-function' },
      get_execution: { id: 999_999 },
      list_events: { limit: 0 },
      get_event: { id: 'no-such-event' },
    };
    // list_flows takes no input: nothing makes it fail.
    expect(Object.keys(failing)).toEqual(AUDITOR_TOOLS.filter((tool) => tool !== 'list_flows'));
    for (const [tool, args] of Object.entries(failing)) {
      const result = await auditor.callTool({ name: tool, arguments: args });
      expect([tool, result.isError, typeof structured(result).code]).toEqual([tool, true, 'string']);
    }
  });
});

describe('reading tools', () => {
  it('lists no functions in an empty registry', async () => {
    expect(structured(await auditor.callTool({ name: 'list_functions', arguments: {} }))).toEqual({ functions: [] });
  });

  it('lists, shows, and diffs published versions', async () => {
    await harness.publishApproved({ author: 'alice', reviewer: 'carol' });
    await harness.publishApproved({ author: 'alice', reviewer: 'carol', suffixStart: 2 });

    const listed = structured(await auditor.callTool({ name: 'list_functions', arguments: {} }));
    expect(listed.functions).toEqual([expect.objectContaining({ name: SAMPLE_NAME, latestVersion: 2, activeVersion: 2, latestStatus: 'approved' })]);

    const latest = structured(await auditor.callTool({ name: 'get_function', arguments: { name: SAMPLE_NAME, include: ['source', 'spec', 'fixtures', 'reports'] } }));
    expect(latest).toMatchObject({ name: SAMPLE_NAME, version: 2, status: 'approved', active: true, activeVersion: 2, spec: SAMPLE_SPEC });
    expect(latest.manifest).toMatchObject({ egress: ['hooks.example.com'] });
    expect(latest.source).toContain('defineFunction');
    expect(latest.fixtures).toHaveLength(2);
    expect(latest.reviews).toEqual([expect.objectContaining({ reviewer: 'carol', decision: 'approved' })]);
    expect(latest.provenance).toMatchObject({ author: 'alice', requestedBy: null, parentVersion: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(latest.reports.test).toMatchObject({ passed: 2, failed: 0 });
    expect(latest.tests).toEqual({ passed: 2, failed: 0, fixtures: 2 });
    expect(latest).not.toHaveProperty('bundle');

    const first = structured(await auditor.callTool({ name: 'get_function', arguments: { name: SAMPLE_NAME, version: 1 } }));
    expect(first).toMatchObject({ version: 1, active: false });

    const versions = structured(await auditor.callTool({ name: 'list_versions', arguments: { name: SAMPLE_NAME } }));
    expect(versions).toMatchObject({ name: SAMPLE_NAME, activeVersion: 2 });
    expect(versions.versions.map((version: any) => [version.version, version.status, version.active])).toEqual([[1, 'approved', false], [2, 'approved', true]]);

    const diff = structured(await auditor.callTool({ name: 'diff_versions', arguments: { name: SAMPLE_NAME, from: 1, to: 2 } }));
    expect(diff).toMatchObject({ name: SAMPLE_NAME, from: 1, to: 2, egress: { added: [], removed: [] }, trigger: null, fixtures: { from: 2, to: 2 } });
    expect(diff.sourceDiff).toContain('-    for (let n = 1;');
    expect(diff.sourceDiff).toContain('+    for (let n = 2;');
  });

  it('answers NOT_FOUND for unknown functions and versions', async () => {
    for (const [tool, args] of [
      ['get_function', { name: 'no-such-function' }],
      ['get_function', { name: SAMPLE_NAME, version: 99 }],
      ['list_versions', { name: 'no-such-function' }],
      ['diff_versions', { name: SAMPLE_NAME, from: 1, to: 99 }],
    ] as const) {
      const result = await auditor.callTool({ name: tool, arguments: args });
      expect(result.isError).toBe(true);
      expect(structured(result).code).toBe('NOT_FOUND');
    }
  });
});
