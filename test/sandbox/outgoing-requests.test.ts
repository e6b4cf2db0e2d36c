// A run's outgoing requests: counted (maxRequests), at most maxConcurrentRequests at once (the rest wait
// their turn), bodies capped (maxRequestBodyBytes), and every request still in flight aborted the moment
// the run ends, whatever ended it. The loopback upstream sees the connection close.
import http, { type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostCapabilities, RunLimits } from '../../core/execution/types.ts';
import { createEgressFetch } from '../../sandbox/egress/index.ts';
import { createExecutor, createInProcessRunner } from '../../sandbox/index.ts';
import { bundleFunction, functionSource } from './helpers/bundle-function.ts';
import { createFakeHost } from './helpers/fake-host.ts';

let childPid: number | undefined;
const executor = createExecutor({ limits: { wallTimeMs: 3_000, cpuTimeMs: 1_500 }, _internal: { onSpawn: (pid) => (childPid = pid) } });
afterAll(() => executor.close());

const OK = { status: 200, headers: {}, body: 'ok' };
const URL_A = 'https://api.example.com/a';

async function run(body: string, host: HostCapabilities, { egress = ['api.example.com'], limits = {} }: { egress?: string[]; limits?: Partial<RunLimits> } = {}) {
  return executor.run({ ...(await bundleFunction(functionSource({ run: body, egress }))), event: {}, limits }, host);
}

describe('outgoing requests: count, concurrency, body size', () => {
  it('refuses the request after maxRequests with a clear error in the guest', async () => {
    const host = createFakeHost({ responses: { [`GET ${URL_A}`]: OK } });
    const result = await run(`
      const statuses: unknown[] = [];
      for (let index = 0; index < 52; index++) {
        try { statuses.push((await ctx.http.fetch('${URL_A}')).status); } catch (error) { statuses.push(String(error)); }
      }
      return statuses.slice(48);`, host);
    const refusal = 'Error: fetch: this run already made 50 requests, the most one run may make (maxRequests)';
    expect(result.outcome).toEqual({ kind: 'returned', value: [200, 200, refusal, refusal] });
    expect(host.calls).toHaveLength(50);
    const lower = await run(`try { for (;;) await ctx.http.fetch('${URL_A}'); } catch (error) { return String(error); }`, host, { limits: { maxRequests: 3 } });
    expect(lower.outcome).toEqual({ kind: 'returned', value: 'Error: fetch: this run already made 3 requests, the most one run may make (maxRequests)' });
  });

  it('keeps at most maxConcurrentRequests in flight and queues the rest, which all complete', async () => {
    let inFlight = 0;
    let mostInFlight = 0;
    const host = {
      ...createFakeHost(),
      async fetch() {
        mostInFlight = Math.max(mostInFlight, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 20));
        inFlight--;
        return OK;
      },
    };
    const result = await run(`return (await Promise.all(Array.from({ length: 20 }, () => ctx.http.fetch('${URL_A}')))).map((response) => response.status);`, host);
    expect(result.outcome).toEqual({ kind: 'returned', value: Array(20).fill(200) });
    expect(mostInFlight).toBe(6);
  });

  it('refuses a body over maxRequestBodyBytes before the host sees it', async () => {
    const host = createFakeHost({ responses: { [`POST ${URL_A}`]: OK } });
    const result = await run(`
      const refused = await ctx.http.fetch('${URL_A}', { method: 'POST', body: 'é'.repeat(512 * 1024) + 'x' }).then(() => 'sent', (error) => String(error));
      const sent = (await ctx.http.fetch('${URL_A}', { method: 'POST', body: 'x'.repeat(1024 * 1024) })).status;
      return { refused, sent };`, host);
    expect(result.outcome).toEqual({ kind: 'returned', value: { refused: 'Error: fetch: the body is 1048577 bytes, over the limit of 1048576 (maxRequestBodyBytes)', sent: 200 } });
    expect(host.calls).toHaveLength(1);
  });
});

describe('outgoing requests: aborted when the run ends', () => {
  let server: http.Server;
  let port = 0;
  const exchanges: Array<{ closedAt?: number }> = [];
  beforeAll(async () => {
    server = http.createServer((_request, response: ServerResponse) => {
      const exchange: { closedAt?: number } = {};
      exchanges.push(exchange);
      response.on('close', () => (exchange.closedAt = performance.now())); // never answered: only a closing connection ends it
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const until = async (condition: () => boolean, timeoutMs: number) => {
    for (const startedAt = performance.now(); !condition() && performance.now() - startedAt < timeoutMs; ) await new Promise((resolve) => setTimeout(resolve, 10));
  };

  /** A host with the real egress client (60 s deadline), whose directory call returns once the upstream holds the request. */
  function hangingHost(crashChild: boolean): HostCapabilities {
    const egressFetch = createEgressFetch({ allowedHosts: [`127.0.0.1:${port}`], allowHttp: true, allowPrivateNetworks: true, timeoutMs: 60_000 });
    const seenBefore = exchanges.length;
    return {
      ...createFakeHost(),
      fetch: (request, options) => egressFetch(request, options),
      async isUsernameTaken() {
        await until(() => exchanges.length > seenBefore, 5_000);
        if (crashChild && childPid !== undefined) process.kill(childPid, 'SIGKILL');
        return false;
      },
    };
  }

  const START = (port: number) => `const pending = ctx.http.fetch('http://127.0.0.1:${port}/hang').catch(() => 'aborted'); await ctx.directory.isUsernameTaken('x');`;
  const ENDINGS: Array<[ending: string, kind: string, end: string, limits: Partial<RunLimits>]> = [
    ['returns', 'returned', `return 'done';`, {}],
    ['throws', 'threw', `throw new Error('done');`, {}],
    ['spins past the CPU limit', 'timed-out', 'for (;;) {}', {}],
    ['waits past the wall limit', 'timed-out', 'await new Promise(() => {});', { wallTimeMs: 1_000 }],
    ['runs out of memory', 'out-of-memory', 'const hoard: unknown[] = []; for (;;) hoard.push({ at: hoard.length, pad: [1, 2, 3, 4] });', { wallTimeMs: 20_000, cpuTimeMs: 20_000 }],
    ['loses its child process', 'crashed', 'await new Promise(() => {});', {}],
  ];

  it.each(ENDINGS)('closes the connection of a request still in flight when the run %s', async (_ending, kind, end, limits) => {
    const exchangesBefore = exchanges.length;
    const result = await run(`${START(port)} ${end}`, hangingHost(kind === 'crashed'), { egress: [`127.0.0.1:${port}`], limits });
    const endedAt = performance.now();
    expect(result.outcome.kind).toBe(kind);
    const exchange = exchanges[exchangesBefore];
    await until(() => exchange?.closedAt !== undefined, 5_000);
    expect(exchange?.closedAt).toBeDefined();
    expect((exchange?.closedAt ?? Infinity) - endedAt).toBeLessThan(2_000);
  });

  it('does the same for isolates in this process', async () => {
    const runner = createInProcessRunner({ limits: { wallTimeMs: 3_000 } });
    try {
      const exchangesBefore = exchanges.length;
      const bundled = await bundleFunction(functionSource({ run: `${START(port)} return 'done';`, egress: [`127.0.0.1:${port}`] }));
      const result = await runner.run({ ...bundled, event: {} }, hangingHost(false));
      const endedAt = performance.now();
      expect(result.outcome).toEqual({ kind: 'returned', value: 'done' });
      await until(() => exchanges[exchangesBefore]?.closedAt !== undefined, 5_000);
      expect((exchanges[exchangesBefore]?.closedAt ?? Infinity) - endedAt).toBeLessThan(2_000);
    } finally {
      await runner.close();
    }
  });
});
