// Attempts to climb out of the isolate through what the sandbox hands the guest, run through the
// executor. Each must end in a clean outcome, reach nothing of the host, and leave the next run working.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createExecutor } from '../../sandbox/index.ts';
import { bundleFunction, functionSource } from './helpers/bundle-function.ts';
import { createFakeHost, fakePlaceholder } from './helpers/fake-host.ts';

const executor = createExecutor({ limits: { wallTimeMs: 3_000, cpuTimeMs: 1_500 } });
afterAll(() => executor.close());

const ME = 'https://graph.microsoft.com/v1.0/me';
const host = () =>
  createFakeHost({
    taken: ['jsmith'],
    secrets: { GRAPH_TOKEN: 'declared-token', ROOT_KEY: 'host-only-value' },
    responses: { [`GET ${ME}`]: { status: 200, headers: { 'content-type': 'application/json' }, body: '{"id":"u1"}' } },
  });

async function run(body: string, declarations = '') {
  const source = functionSource({ run: body, declarations, egress: ['graph.microsoft.com'], secrets: ['GRAPH_TOKEN'] });
  return executor.run({ ...(await bundleFunction(source)), event: {} }, host());
}

afterEach(async () => {
  const result = await run(`return await ctx.directory.isUsernameTaken('jsmith');`);
  expect(result.outcome).toEqual({ kind: 'returned', value: true });
});

// Everything the guest is handed: ctx and each member, a response object and its methods, and the globals.
const TARGETS = `
  const response = await ctx.http.fetch('${ME}');
  const targets: Record<string, any> = {
    ctx, directory: ctx.directory, isUsernameTaken: ctx.directory.isUsernameTaken, findUsers: ctx.directory.findUsers,
    reserveUsername: ctx.directory.reserveUsername, reserveEmail: ctx.directory.reserveEmail, attempt: ctx.attempt,
    reserving: ctx.directory.reserveUsername('someone'),
    http: ctx.http, fetch: ctx.http.fetch, secrets: ctx.secrets, get: ctx.secrets.get, log: ctx.log,
    debug: ctx.log.debug, info: ctx.log.info, warn: ctx.log.warn, error: ctx.log.error,
    response, text: response.text, json: response.json, headers: response.headers,
    pending: ctx.directory.isUsernameTaken('someone'), event,
    console, consoleLog: console.log, URL, url: new URL('https://x.test/?a=1'), URLSearchParams, TextEncoder, TextDecoder,
    btoa, atob, structuredClone, crypto, randomUUID: crypto.randomUUID, getRandomValues: crypto.getRandomValues,
  };`;

describe('escape attempts', () => {
  it('finds only this realm when climbing constructor chains from everything it is given', async () => {
    const result = await run(`${TARGETS}
      const report: Record<string, unknown> = {};
      for (const [name, target] of Object.entries(targets)) {
        const found: string[] = [];
        let current: any = target;
        for (let depth = 0; depth < 6 && current != null; depth++) {
          const Climbed = current.constructor?.constructor;
          if (typeof Climbed === 'function' && Climbed !== Function) found.push('foreign Function at ' + depth);
          if (typeof Climbed === 'function') {
            const reached = Climbed('return [typeof process, typeof require, typeof Buffer, typeof globalThis.global, this === globalThis]')();
            if (reached.join() !== 'undefined,undefined,undefined,undefined,true') found.push('reached ' + reached.join());
          }
          current = Object.getPrototypeOf(current);
        }
        report[name] = found;
      }
      return report;`);
    expect(result.outcome.kind).toBe('returned');
    const report = (result.outcome as { value: Record<string, string[]> }).value;
    expect(Object.keys(report).length).toBeGreaterThan(25);
    for (const [name, found] of Object.entries(report)) expect([name, found]).toEqual([name, []]);
  });

  it('cannot read caller, arguments or CallSites of the bridge', async () => {
    const result = await run(`${TARGETS}
      const probes: Record<string, unknown> = {};
      for (const [name, target] of Object.entries(targets)) {
        if (typeof target !== 'function') continue;
        for (const property of ['caller', 'arguments']) {
          try { const value = target[property]; if (value != null) probes[name + '.' + property] = typeof value; } catch { /* strict: refused */ }
        }
      }
      let called = false;
      (Error as any).prepareStackTrace = (_error: unknown, sites: any[]) => { called = true; return sites.map((site) => typeof site.getThis()); };
      let stack: unknown;
      try { await ctx.http.fetch('https://elsewhere.test/'); } catch (error) { stack = (error as Error).stack; }
      const probe = new Error('probe').stack;
      return { probes, called, stackType: typeof stack, probeType: typeof probe, hook: typeof (Error as any).prepareStackTrace };`);
    expect(result.outcome).toEqual({ kind: 'returned', value: { probes: {}, called: false, stackType: 'string', probeType: 'string', hook: 'undefined' } });
  });

  it('keeps ctx calls working under prototype pollution, or failing cleanly', async () => {
    const result = await run(`
      const proto = Object.prototype as any;
      for (const name of ['copy', 'reference', 'externalCopy', 'promise', 'result', 'arguments', 'timeout', 'release', 'ok', 'value', 'error', 'transferIn']) {
        Object.defineProperty(proto, name, { __proto__: null, get() { (globalThis as any).touched = ((globalThis as any).touched ?? 0) + 1; return name === 'copy' ? false : true; }, set() {}, configurable: true });
      }
      (Array.prototype as any)[0] = 'polluted';
      Object.defineProperty(Array.prototype, '1', { __proto__: null, get() { return 'polluted'; }, set() {}, configurable: true });
      Array.prototype.push = function () { throw new Error('push is poisoned'); };
      JSON.parse = () => ({ ok: true, value: 'forged' });
      JSON.stringify = () => '"forged"';
      Object.freeze = ((value: unknown) => value) as any;
      Reflect.apply = () => { throw new Error('apply is poisoned'); };
      String.prototype.slice = () => 'poisoned';
      const taken = await ctx.directory.isUsernameTaken('jsmith');
      const free = await ctx.directory.isUsernameTaken('someone-else');
      const token = await ctx.secrets.get('GRAPH_TOKEN');
      const me = await (await ctx.http.fetch('${ME}')).json();
      let refused = '';
      try { await ctx.secrets.get('ROOT_KEY'); } catch (error) { refused = (error as Error).message; }
      return { taken, free, token, me, refused };`);
    expect(result.outcome).toEqual({
      kind: 'returned',
      value: { taken: true, free: false, token: fakePlaceholder('GRAPH_TOKEN'), me: { id: 'u1' }, refused: 'secret "ROOT_KEY" is not declared in secrets' },
    });
  });

  it('reserves through the host only, with strings checked there, and reads the attempt from the host', async () => {
    const result = await run(`
      const free = await ctx.directory.reserveUsername('newname');
      const taken = await ctx.directory.reserveUsername('JSMITH');
      const email = await ctx.directory.reserveEmail('new@example.com');
      const attempt = await ctx.attempt();
      const refusals: string[] = [];
      for (const bad of [{ toString: () => 'jsmith' }, '', 'x'.repeat(321), ['jsmith']] as any[]) {
        try { await ctx.directory.reserveUsername(bad); refusals.push('accepted'); } catch (error) { refusals.push((error as Error).message); }
      }
      try { await ctx.directory.reserveEmail(null as any); } catch (error) { refusals.push((error as Error).message); }
      return { free, taken, email, attempt, refusals };`);
    expect(result.outcome).toEqual({
      kind: 'returned',
      value: {
        free: true,
        taken: false,
        email: true,
        attempt: 1,
        refusals: [
          'reserveUsername(candidate): candidate must be a non-empty string',
          'reserveUsername(candidate): candidate must be a non-empty string',
          'reserveUsername(candidate): candidate is longer than 320 characters',
          'reserveUsername(candidate): candidate must be a non-empty string',
          'reserveEmail(candidate): candidate must be a non-empty string',
        ],
      },
    });
  });

  it('fails cleanly when Promise itself is poisoned', async () => {
    const result = await run(`
      const then = Promise.prototype.then;
      (Promise.prototype as any).then = function (this: Promise<unknown>, onFulfilled: any, onRejected: any) { return then.call(this, onFulfilled, onRejected); };
      Object.defineProperty(Promise.prototype, 'constructor', { configurable: true, get() { throw new Error('constructor is poisoned'); } });
      (globalThis as any).Promise = function () { throw new Error('Promise is poisoned'); };
      return await ctx.directory.isUsernameTaken('jsmith');`);
    expect(['returned', 'threw']).toContain(result.outcome.kind);
    expect(JSON.stringify(result)).not.toMatch(/\/work\/|node_modules|isolated-vm boundary/);
  });

  it('cannot read a host secret it did not declare, even with a forged manifest after load', async () => {
    const result = await run(`
      const handler = (globalThis as any).__handler;
      try { handler.secrets.push('ROOT_KEY'); } catch { /* frozen or not, it must not matter */ }
      (globalThis as any).__handler = { ...handler, secrets: ['ROOT_KEY'] };
      try { return await ctx.secrets.get('ROOT_KEY'); } catch (error) { return (error as Error).message; }`);
    expect(result.outcome).toEqual({ kind: 'returned', value: 'secret "ROOT_KEY" is not declared in secrets' });
    expect(JSON.stringify(result)).not.toContain('host-only-value');
  });

  it('reaches nothing through globals that V8 provides', async () => {
    const result = await run(`
      const findings: string[] = [];
      const specifier = ['node', 'fs'].join(':');
      try { const module = await import(specifier); findings.push('import worked ' + typeof module); } catch { /* refused */ }
      try { findings.push(typeof eval('process')); } catch { /* refused */ }
      try { findings.push(typeof new Function('return this.process')()); } catch { /* refused */ }
      return findings;`);
    expect(result.outcome).toMatchObject({ kind: 'returned' });
    for (const finding of (result.outcome as { value: string[] }).value) expect(finding).toBe('undefined');
  });
});
