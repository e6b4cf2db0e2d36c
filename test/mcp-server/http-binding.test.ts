// Issue 9, defect 12 (HTTP part): the HTTP server refuses to listen beyond loopback without allowed host
// names, keeps the Host-header check for every loopback address, and answers 403 to a browser page from a
// foreign origin (DNS rebinding, cross-site requests), before looking at the token.

import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteTokenStore } from '../../core/tokens/index.ts';
import { isLoopbackHost, serveHttp, type RunningHttpServer } from '../../mcp-server/index.ts';
import { createMcpHttpApp } from '../../mcp-server/transports/http-app.ts';
import { runCli } from '../helpers/run-cli.ts';
import { expectError } from '../registry/expect-joinery-error.ts';
import { createHarness } from './harness.ts';

const harness = createHarness();
const tokens = createSqliteTokenStore(harness.db);
const token = tokens.create({ name: 'audrey', role: 'auditor', lifetimeMs: 3_600_000 }).token;
let server: RunningHttpServer;
let exposed: RunningHttpServer;
beforeAll(async () => {
  server = await serveHttp({ deps: harness.deps, tokens, port: 0 });
  // Listening on loopback, but configured as a server reached as "joinery.internal".
  exposed = await serveHttp({ deps: harness.deps, tokens, port: 0, allowedHosts: ['joinery.internal', '127.0.0.1'] });
});
afterAll(async () => {
  await server.close();
  await exposed.close();
  await harness.close();
});

const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } } };

/** node:http rather than fetch, which does not let a test set the Host header. */
function post(url: string, headers: Record<string, string>): Promise<number> {
  const target = new URL(url);
  const allHeaders = { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: `Bearer ${token}`, ...headers };
  return new Promise<number>((resolve, reject) => {
    const request = httpRequest({ host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: allHeaders }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    request.end(JSON.stringify(initialize));
  });
}

describe('where the HTTP server may listen', () => {
  it.each(['0.0.0.0', '::', '192.0.2.10', 'joinery.example.com'])('refuses %s without allowed host names', (host) => {
    expectError(() => createMcpHttpApp({ deps: harness.deps, tokens, host }), 'INVALID_INPUT', '--allowed-host');
    expectError(() => createMcpHttpApp({ deps: harness.deps, tokens, host, allowedHosts: [] }), 'INVALID_INPUT', '--allowed-host');
  });

  it('accepts them with allowed host names', async () => {
    const { close } = createMcpHttpApp({ deps: harness.deps, tokens, host: '0.0.0.0', allowedHosts: ['joinery.internal'] });
    await close();
  });

  it.each([['127.0.0.1', true], ['127.0.0.2', true], ['localhost', true], ['LOCALHOST', true], ['::1', true], ['[::1]', true], ['0.0.0.0', false], ['::', false], ['10.0.0.1', false], ['localhost.evil.example', false]])(
    'isLoopbackHost(%j) is %j', (host, loopback) => {
      expect(isLoopbackHost(host)).toBe(loopback);
    });

  it('keeps the Host-header check for every loopback address, not only the three the SDK knows', async () => {
    const { app, close } = createMcpHttpApp({ deps: harness.deps, tokens, host: '127.0.0.2' });
    const listener = app.listen(0, '127.0.0.1', () => {});
    await new Promise((resolve) => listener.once('listening', resolve));
    const url = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/mcp`;
    try {
      expect(await post(url, { host: 'evil.example' })).toBe(403);
    } finally {
      listener.closeAllConnections();
      await new Promise((resolve) => listener.close(resolve));
      await close();
    }
  });

  it('refuses to start from the CLI: exit 2 with the reason', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'joinery-binding-'));
    try {
      const run = await runCli(['mcp', '--http', '--host', '0.0.0.0', '--port', '0'], { cwd, home: join(cwd, '.joinery') });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--allowed-host');
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});

describe('the Origin header', () => {
  it('lets requests without one through (non-browser clients)', async () => {
    expect(await post(server.url, {})).toBe(200);
  });

  it.each(['http://localhost:5173', 'http://127.0.0.1:8080', 'http://[::1]:3000'])('lets a loopback page %s through', async (origin) => {
    expect(await post(server.url, { origin })).toBe(200);
  });

  it.each(['http://evil.example', 'https://attacker.test:443', 'null', 'not a url'])('answers 403 to %s, before the token is looked at', async (origin) => {
    expect(await post(server.url, { origin })).toBe(403);
    expect(await post(server.url, { origin, authorization: 'Bearer nonsense' })).toBe(403);
  });

  it('accepts an allowed host name as origin when the server was given one', async () => {
    expect(await post(exposed.url, { origin: 'https://joinery.internal' })).toBe(200);
    expect(await post(exposed.url, { origin: 'https://evil.example' })).toBe(403);
  });
});
