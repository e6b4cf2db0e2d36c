// Hostile and careless clients: wrong types, unknown names, path-like names, oversized payloads and the
// naughty strings all get isError results with a stable code, nothing leaks a stack or a host path, and
// the server keeps serving.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { createHarness, structured } from './harness.ts';
import { SAMPLE_NAME, sampleEvent, sampleFixtures, sampleSource } from './sample-function.ts';
import { NAUGHTY_STRINGS } from '../helpers/naughty-strings.ts';

const NAUGHTY = NAUGHTY_STRINGS;

const harness = createHarness();
let client: Client;
beforeAll(async () => {
  client = await harness.connect({ name: 'ada', role: 'admin' });
  await harness.publishApproved();
});
afterAll(() => harness.close());

function expectError(result: unknown, codes: string[]): void {
  const call = result as CallToolResult;
  expect(call.isError).toBe(true);
  expect(codes).toContain(structured(call).code);
  const text = JSON.stringify(call);
  expect(text).not.toMatch(/\s+at .+:\d+:\d+/);
  expect(text).not.toMatch(/\/(home|work|tmp|usr|root)\//);
}

async function stillServes(): Promise<void> {
  const listed = await client.callTool({ name: 'list_functions', arguments: {} });
  expect(structured(listed).functions.map((entry: any) => entry.name)).toEqual([SAMPLE_NAME]);
}

describe('bad input', () => {
  it('wrong types are INVALID_INPUT naming the field', async () => {
    const cases: Array<[string, unknown]> = [
      ['get_function', { name: 42 }],
      ['get_function', { name: SAMPLE_NAME, version: '1' }],
      ['get_function', { name: SAMPLE_NAME, version: -1 }],
      ['get_function', { name: SAMPLE_NAME, version: 1.5 }],
      ['diff_versions', { name: SAMPLE_NAME }],
      ['run_function', { name: SAMPLE_NAME, input: [] }],
      ['run_function', { name: SAMPLE_NAME, input: 'an event' }],
      ['run_function', { name: SAMPLE_NAME, input: sampleEvent(), dry_run: 'yes' }],
      ['review_function', { name: SAMPLE_NAME, version: 1, decision: 'maybe' }],
      ['get_execution', { id: 'one' }],
      ['list_executions', { name: SAMPLE_NAME, limit: 100_000 }],
      ['test_function', { source: sampleSource() }],
      ['publish_function', { draft: SAMPLE_NAME, source: sampleSource() }],
    ];
    for (const [tool, args] of cases) {
      const result = await client.callTool({ name: tool, arguments: args as Record<string, unknown> });
      expectError(result, ['INVALID_INPUT']);
    }
    const typed = await client.callTool({ name: 'get_function', arguments: { name: SAMPLE_NAME, version: '1' } });
    expect(structured(typed).message).toContain('version');
    await stillServes();
  });

  it('unknown tools, functions and path-like names are NOT_FOUND or INVALID_INPUT', async () => {
    expectError(await client.callTool({ name: 'delete_everything', arguments: {} }), ['NOT_FOUND']);
    expectError(await client.callTool({ name: 'get_function', arguments: { name: 'no-such-function' } }), ['NOT_FOUND']);
    for (const name of ['../../x', '..', '/etc/passwd', 'a/b', 'C:\\Windows', '%2e%2e%2f', 'name@1', 'UPPER', 'x'.repeat(64), '-leading']) {
      expectError(await client.callTool({ name: 'get_function', arguments: { name } }), ['INVALID_INPUT']);
      expectError(await client.callTool({ name: 'run_function', arguments: { name, input: sampleEvent(), dry_run: true } }), ['INVALID_INPUT']);
      expectError(await client.callTool({ name: 'save_draft', arguments: { name, source: sampleSource(), fixtures: sampleFixtures() } }), ['INVALID_INPUT']);
    }
    await stillServes();
  });

  it('oversized payloads are INVALID_INPUT', async () => {
    expectError(await client.callTool({ name: 'check_function', arguments: { source: 'x'.repeat(600 * 1024) } }), ['INVALID_INPUT']);
    expectError(await client.callTool({ name: 'test_function', arguments: { source: sampleSource(), fixtures: ' '.repeat(3 * 1024 * 1024) } }), ['INVALID_INPUT']);
    expectError(await client.callTool({ name: 'author_function', arguments: { requirement: 'x'.repeat(25_000) } }), ['INVALID_INPUT']);
    expectError(await client.callTool({ name: 'review_function', arguments: { name: SAMPLE_NAME, version: 1, decision: 'reject', comment: 'x'.repeat(5_000) } }), ['INVALID_INPUT']);
    const hugeEvent = { ...sampleEvent(), padding: 'x'.repeat(300 * 1024) };
    const result = await client.callTool({ name: 'run_function', arguments: { name: SAMPLE_NAME, input: hugeEvent, dry_run: true } });
    expectError(result, ['INVALID_INPUT']);
    expect(structured(result).message).toContain('the limit is 262144');
    await stillServes();
  });

  it('every naughty string as a function name is refused or not found', async () => {
    for (const naughty of NAUGHTY) {
      const result = await client.callTool({ name: 'get_function', arguments: { name: naughty } });
      expectError(result, ['INVALID_INPUT', 'NOT_FOUND']);
    }
    await stillServes();
  });

  it('every naughty string in an event is run (dry) and logged without harming the server', async () => {
    for (const naughty of NAUGHTY) {
      const result = await client.callTool({ name: 'run_function', arguments: { name: SAMPLE_NAME, input: sampleEvent(naughty || 'X', naughty || 'Y'), dry_run: true } });
      expect(result.isError, naughty).toBeFalsy();
      expect(['returned', 'threw']).toContain(structured(result).execution.outcome.kind);
    }
    expect(harness.registry.listExecutions(SAMPLE_NAME, { limit: 1_000 })).toHaveLength(NAUGHTY.length);
    await stillServes();
  }, 120_000);

  it('naughty strings as source, draft names and prompt arguments', async () => {
    for (const naughty of NAUGHTY.slice(0, 40)) {
      const checked = await client.callTool({ name: 'check_function', arguments: { source: naughty } });
      if (naughty.length === 0) expectError(checked, ['INVALID_INPUT']);
      else expect(structured(checked).ok).toBe(false);
      await client.getPrompt({ name: 'review_function', arguments: { name: naughty, version: naughty } }).catch(() => undefined);
    }
    await stillServes();
  }, 120_000);
});

describe('internal errors', () => {
  it('reach the client as INTERNAL with a reference, and the server log with the stack', async () => {
    const broken = {
      ...harness.deps,
      registry: { ...harness.registry, listFunctions: () => { throw new Error("ENOENT: no such file, open '/srv/joinery/secret/registry.db'"); } },
    };
    const victim = await harness.connectWith(broken, { name: 'ada', role: 'admin' });
    const result = await victim.callTool({ name: 'list_functions', arguments: {} });
    expectError(result, ['INTERNAL']);
    const reference = /reference ([0-9a-f]{8})/.exec(structured(result).message)?.[1];
    expect(reference).toBeDefined();
    const logged = harness.serverLog.find((line) => line.includes(`reference ${reference}`));
    expect(logged).toContain('/srv/joinery/secret/registry.db');
    expect(logged).toMatch(/\n\s+at /);
    await stillServes();
  });

  it('JoineryError messages with a host path have it removed', async () => {
    const { JoineryError } = await import('../../core/errors.ts');
    const broken = { ...harness.deps, registry: { ...harness.registry, listFunctions: () => { throw new JoineryError('SANDBOX_FAILED', 'could not start /usr/local/lib/joinery/executor.js'); } } };
    const victim = await harness.connectWith(broken, { name: 'ada', role: 'admin' });
    const result = await victim.callTool({ name: 'list_functions', arguments: {} });
    expect(structured(result)).toEqual({ code: 'SANDBOX_FAILED', message: 'could not start <path>' });
  });
});
