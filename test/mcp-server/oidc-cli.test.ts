// `joinery mcp --http` with an `oidc` section in config.json: it serves the protected-resource metadata
// naming the issuer, and a client with a token from that issuer is served with the role its claims give.

import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { startTestIssuer, type TestIssuer } from './oidc-issuer.ts';
import { createPublishedHomeAlone, JOINERY_BIN, REPO_ROOT } from './spawned-home.ts';

let home: Awaited<ReturnType<typeof createPublishedHomeAlone>>;
let issuer: TestIssuer;
beforeAll(async () => {
  home = await createPublishedHomeAlone();
  issuer = await startTestIssuer({ audience: 'api://joinery-cli' });
  const oidc = { issuer: issuer.url, audience: 'api://joinery-cli', principalClaim: 'email', groupRoles: { 'ops-group': 'operator' } };
  writeFileSync(join(home.home, 'config.json'), JSON.stringify({ oidc }));
});
afterAll(async () => {
  await issuer.close();
  home.remove();
});

describe('joinery mcp --http with oidc in config.json', { timeout: 90_000 }, () => {
  it('serves the metadata and signed-in callers', async () => {
    const child = spawn(process.execPath, [JOINERY_BIN, 'mcp', '--http', '--port', '0'], { cwd: REPO_ROOT, env: { ...process.env, JOINERY_HOME: home.home }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await expect.poll(() => /listening on (http:\/\/127\.0\.0\.1:\d+\/mcp)/.exec(stderr)?.[1], { timeout: 60_000 }).toBeDefined();
      const url = /listening on (\S+)/.exec(stderr)?.[1] ?? '';
      expect(stderr).toContain(`sign-in with ${issuer.url}`);
      const metadata = await (await fetch(`${new URL(url).origin}/.well-known/oauth-protected-resource/mcp`)).json();
      expect(metadata).toMatchObject({ resource: url, authorization_servers: [issuer.url] });

      const token = await issuer.sign({ email: 'olga@example.com', groups: ['ops-group'] });
      const client = new Client({ name: 'oidc-cli-test', version: '0' });
      await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }));
      expect((await client.listTools()).tools.map((tool) => tool.name)).toContain('run_function');
      await client.close();
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
