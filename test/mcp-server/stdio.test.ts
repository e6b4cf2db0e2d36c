// `node bin/joinery.js mcp` as a separate process, reached with the SDK's StdioClientTransport: standard
// output carries only the protocol, the principal and role come from --as/--role or the environment.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { structured } from './harness.ts';
import { SAMPLE_NAME, sampleEvent, sampleFixtures, sampleSource } from './sample-function.ts';
import { createPublishedHomeAlone, JOINERY_BIN, REPO_ROOT } from './spawned-home.ts';

let home: Awaited<ReturnType<typeof createPublishedHomeAlone>>;
beforeAll(async () => {
  home = await createPublishedHomeAlone();
});
afterAll(() => home.remove());

async function spawnServer(args: string[], env: Record<string, string>) {
  const environment = { ...process.env, JOINERY_HOME: home.home, ...env } as Record<string, string>;
  const transport = new StdioClientTransport({ command: process.execPath, args: [JOINERY_BIN, 'mcp', ...args], cwd: REPO_ROOT, env: environment, stderr: 'pipe' });
  const stderr: string[] = [];
  transport.stderr?.on('data', (chunk) => stderr.push(String(chunk)));
  const protocolErrors: Error[] = [];
  const client = new Client({ name: 'stdio-test', version: '0.0.0' });
  client.onerror = (error) => protocolErrors.push(error);
  await client.connect(transport);
  return { client, stderr, protocolErrors };
}

describe('joinery mcp over stdio', { timeout: 90_000 }, () => {
  it('serves the tools to a spawned client as the environment\'s principal and role', async () => {
    const { client, stderr, protocolErrors } = await spawnServer([], { JOINERY_USER: 'olga', JOINERY_ROLE: 'operator' });
    try {
      const { tools } = await client.listTools();
      // Only the tools an operator may call are listed.
      expect(tools.map((tool) => tool.name)).toEqual([
        'list_functions', 'get_function', 'list_versions', 'diff_versions', 'activate_version', 'list_flows', 'get_flow', 'run_function',
        'list_executions', 'get_execution', 'list_events', 'get_event', 'replay_event', 'resume_function',
      ]);
      const run = structured(await client.callTool({ name: 'run_function', arguments: { name: SAMPLE_NAME, input: sampleEvent(), dry_run: true } }));
      expect(run).toMatchObject({ returned: true, execution: { caller: 'olga', dryRun: true, outcome: { value: { username: 'jsmith' } } } });
      const refused = structured(await client.callTool({ name: 'publish_function', arguments: { source: sampleSource(), fixtures: sampleFixtures() } }));
      expect(refused).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('olga (role operator)') });
      expect(protocolErrors).toEqual([]);
      expect(stderr.join('')).toContain('joinery mcp: serving on stdio');
    } finally {
      await client.close();
    }
  });

  it('takes the principal and role from --as and --role (--as someone else needs local trust)', async () => {
    writeFileSync(join(home.home, 'config.json'), JSON.stringify({ localTrust: true }));
    const { client, protocolErrors } = await spawnServer(['--as', 'ian', '--role', 'auditor'], {});
    const refused = structured(await client.callTool({ name: 'run_function', arguments: { name: SAMPLE_NAME, input: sampleEvent(), dry_run: true } }));
    expect(refused).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('ian (role auditor)') });
    const listed = structured(await client.callTool({ name: 'list_executions', arguments: { name: SAMPLE_NAME } }));
    expect(listed.executions[0]).toMatchObject({ caller: 'olga', dryRun: true });
    expect(protocolErrors).toEqual([]);
    await client.close();
  });
});
