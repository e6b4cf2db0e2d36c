// `joinery mcp --http --port 0` as a separate process: it prints its URL on standard error, wants a token,
// serves a token holder, and stops cleanly on SIGTERM.

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { closeDatabase, openDatabase } from '../../core/store/index.ts';
import { createSqliteTokenStore } from '../../core/tokens/index.ts';
import { structured } from './harness.ts';
import { SAMPLE_NAME } from './sample-function.ts';
import { createPublishedHomeAlone, JOINERY_BIN, REPO_ROOT } from './spawned-home.ts';

let home: Awaited<ReturnType<typeof createPublishedHomeAlone>>;
let token: string;
beforeAll(async () => {
  home = await createPublishedHomeAlone();
  const db = openDatabase(join(home.home, 'joinery.db'));
  token = createSqliteTokenStore(db).create({ name: 'audrey', role: 'auditor', lifetimeMs: 600_000 }).token;
  closeDatabase(db);
});
afterAll(() => home.remove());

describe('joinery mcp --http', { timeout: 90_000 }, () => {
  it('serves token holders on the printed URL and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, [JOINERY_BIN, 'mcp', '--http', '--port', '0'], { cwd: REPO_ROOT, env: { ...process.env, JOINERY_HOME: home.home }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await expect.poll(() => /listening on (http:\/\/127\.0\.0\.1:\d+\/mcp)/.exec(stderr)?.[1], { timeout: 60_000 }).toBeDefined();
    const url = /listening on (\S+)/.exec(stderr)![1]!;

    expect((await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
    const client = new Client({ name: 'http-cli-test', version: '0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }));
    const listed = structured(await client.callTool({ name: 'list_functions', arguments: {} }));
    expect(listed.functions.map((entry: { name: string }) => entry.name)).toEqual([SAMPLE_NAME]);
    await client.close();

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toBe('');
  });
});
