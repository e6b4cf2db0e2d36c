// The MCP Inspector's CLI mode (pinned dev dependency) against `node bin/joinery.js mcp`: it lists the
// tools and calls run_function on a published, approved function.

import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleEvent, SAMPLE_NAME } from './sample-function.ts';
import { createPublishedHomeAlone, JOINERY_BIN, REPO_ROOT } from './spawned-home.ts';

const run = promisify(execFile);
const INSPECTOR = join(REPO_ROOT, 'node_modules', '@modelcontextprotocol', 'inspector', 'cli', 'build', 'cli.js');

let home: Awaited<ReturnType<typeof createPublishedHomeAlone>>;
beforeAll(async () => {
  home = await createPublishedHomeAlone();
});
afterAll(() => home.remove());

async function inspect(args: string[]): Promise<any> {
  const env = { ...process.env, JOINERY_HOME: home.home, JOINERY_USER: 'inspector', JOINERY_ROLE: 'operator' };
  const { stdout } = await run(process.execPath, [INSPECTOR, '--cli', '-e', `JOINERY_HOME=${home.home}`, '-e', 'JOINERY_ROLE=operator', '-e', 'JOINERY_USER=inspector', process.execPath, JOINERY_BIN, 'mcp', ...args], { cwd: REPO_ROOT, env, timeout: 60_000 });
  return JSON.parse(stdout);
}

describe('MCP Inspector CLI', { timeout: 90_000 }, () => {
  it('lists the tools of joinery mcp', async () => {
    const listed = await inspect(['--method', 'tools/list']);
    expect(listed.tools.map((tool: { name: string }) => tool.name)).toContain('run_function');
    expect(listed.tools).toHaveLength(14); // an operator's tools
  });

  it('calls run_function on the published, approved function', async () => {
    const result = await inspect(['--method', 'tools/call', '--tool-name', 'run_function', '--tool-arg', `name=${SAMPLE_NAME}`, '--tool-arg', `input=${JSON.stringify(sampleEvent())}`, '--tool-arg', 'dry_run=true']);
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ returned: true, execution: { caller: 'inspector', dryRun: true, outcome: { kind: 'returned', value: { username: 'jsmith', announced: 202 } } } });
  });
});
