// The synchronous host callbacks behind the web globals: sized from real lengths, never from values a
// guest can forge; inputs capped; the host time they take counted against the run's CPU budget.
import { afterAll, describe, expect, it } from 'vitest';
import { createExecutor } from '../../sandbox/index.ts';
import { MAX_WEB_INPUT_BYTES, MAX_WEB_INPUT_CHARS } from '../../sandbox/run-limits.ts';
import { bundleFunction, functionSource } from './helpers/bundle-function.ts';
import { createFakeHost } from './helpers/fake-host.ts';
import { processCpuMs, watchPeakResidentMb } from './helpers/process-memory.ts';

let childPid: number | undefined;
const executor = createExecutor({ limits: { wallTimeMs: 10_000, cpuTimeMs: 5_000 }, _internal: { onSpawn: (pid) => (childPid = pid) } });
afterAll(() => executor.close());

async function run(body: string, limits = {}) {
  return executor.run({ ...(await bundleFunction(functionSource({ run: body }))), event: {}, limits }, createFakeHost());
}

describe('host callbacks', () => {
  it('encodes into the real destination when a guest forges its length', async () => {
    await run('return 1;'); // the child exists and its peak so far is known
    const watch = watchPeakResidentMb(() => childPid);
    const startedAt = performance.now();
    const result = await run(`
      const destination = new Uint8Array(8);
      Object.defineProperty(destination, 'length', { value: 1e9 });
      const short = new TextEncoder().encodeInto('abc', destination);
      const long = new Uint8Array(4);
      Object.defineProperty(long, 'length', { value: 1e9 });
      return { short, bytes: [...new Uint8Array(destination.buffer)], long: new TextEncoder().encodeInto('abcdefgh', long) };`);
    const elapsedMs = performance.now() - startedAt;
    expect(result.outcome).toEqual({
      kind: 'returned',
      value: { short: { read: 3, written: 3 }, bytes: [97, 98, 99, 0, 0, 0, 0, 0], long: { read: 4, written: 4 } },
    });
    expect(watch.stop()).toBeLessThan(200); // the forged length asked for a 1 GB host buffer
    expect(elapsedMs).toBeLessThan(2_000);
  });

  it('fills only the real bytes of getRandomValues, whatever byteLength claims', async () => {
    const result = await run(`
      const array = new Uint8Array(16);
      Object.defineProperty(array, 'byteLength', { value: 1 });
      crypto.getRandomValues(array);
      return array.filter((byte) => byte !== 0).length > 8;`);
    expect(result.outcome).toEqual({ kind: 'returned', value: true });
  });

  it.each([
    ['btoa', `let total = 0; for (;;) total += btoa(text).length;`],
    ['TextEncoder.encode', `const encoder = new TextEncoder(); let total = 0; for (;;) total += encoder.encode(text).length;`],
    ['atob', `const encoded = btoa(text); let total = 0; for (;;) total += atob(encoded).length;`],
    ['TextEncoder.encodeInto', `const encoder = new TextEncoder(); const into = new Uint8Array(16);
      let total = 0; for (;;) total += encoder.encodeInto(text, into).written;`],
  ])('ends a loop of %s on 4 MB strings at the CPU limit, host time included', async (_name, loop) => {
    // Most of each call is host work, and isolated-vm's copy of a 4 MB argument or result is uncounted by
    // either side: before the copy charge (sandbox/host-time.ts) encode used 4,460 ms of the child's CPU
    // for 500 ms counted, encodeInto about eight times its budget. Measured as the
    // child's own CPU time, not wall time, so that a loaded machine cannot make it pass or fail.
    await run('return 1;'); // the child exists
    const cpuBefore = processCpuMs(childPid);
    const result = await run(`const text = 'a'.repeat(4 * 1024 * 1024); ${loop}`, { wallTimeMs: 30_000, cpuTimeMs: 500 });
    const childCpuMs = (processCpuMs(childPid) ?? Number.NaN) - (cpuBefore ?? Number.NaN);
    expect(result.outcome).toEqual({ kind: 'timed-out', limit: 'cpu', limitMs: 500 });
    expect(childCpuMs).toBeLessThan(1_200);
  });

  it('reports the host time of callbacks as CPU time of the run', async () => {
    const result = await run(`const text = 'a'.repeat(4 * 1024 * 1024); let total = 0; for (let round = 0; round < 10; round++) total += btoa(text).length; return total;`);
    expect(result.outcome).toMatchObject({ kind: 'returned' });
    // btoa's work happens on the host, while the isolate waits: without it, CPU was about 30% of the run.
    expect(result.cpuTimeMs ?? 0).toBeGreaterThan(0.5 * result.durationMs);
  });

  const over = MAX_WEB_INPUT_CHARS + 1;
  it.each([
    ['btoa', `btoa('a'.repeat(${over}))`, `btoa: the input is ${over} characters, over the sandbox limit of ${MAX_WEB_INPUT_CHARS}`],
    ['atob', `atob('A'.repeat(${over + 3}))`, `atob: the input is ${over + 3} characters, over the sandbox limit of ${MAX_WEB_INPUT_CHARS}`],
    ['TextEncoder.encode', `new TextEncoder().encode('a'.repeat(${over}))`, `TextEncoder.encode: the input is ${over} characters, over the sandbox limit of ${MAX_WEB_INPUT_CHARS}`],
    ['TextEncoder.encodeInto', `new TextEncoder().encodeInto('a'.repeat(${over}), new Uint8Array(4))`, `TextEncoder.encodeInto: the input is ${over} characters, over the sandbox limit of ${MAX_WEB_INPUT_CHARS}`],
    ['TextDecoder.decode', `new TextDecoder().decode(new Uint8Array(${MAX_WEB_INPUT_BYTES + 1}))`, `TextDecoder.decode: the input is ${MAX_WEB_INPUT_BYTES + 1} bytes, over the sandbox limit of ${MAX_WEB_INPUT_BYTES}`],
    ['URL', `new URL('https://a.example/' + 'a'.repeat(${over}))`, `URL: the input is ${over + 18} characters, over the sandbox limit of ${MAX_WEB_INPUT_CHARS}`],
  ])('refuses %s input over the cap with a RangeError in the guest', async (_name, call, message) => {
    const result = await run(`try { ${call}; return 'accepted'; } catch (error) { return String(error); }`, { memoryLimitMb: 128 });
    expect(result.outcome).toEqual({ kind: 'returned', value: `RangeError: ${message}` });
  });

  it('still encodes and decodes inputs up to the cap', async () => {
    const result = await run(`
      const text = 'é'.repeat(1024 * 1024);
      const bytes = new TextEncoder().encode(text);
      return { bytes: bytes.length, back: new TextDecoder().decode(bytes) === text, base64: atob(btoa('x'.repeat(1024 * 1024))).length };`);
    expect(result.outcome).toEqual({ kind: 'returned', value: { bytes: 2 * 1024 * 1024, back: true, base64: 1024 * 1024 } });
  });
});
