// Memory an isolate could hold outside the V8 heap, which isolated-vm's memoryLimitMb does not count:
// WebAssembly memory, resizable and shared ArrayBuffers, ICU objects behind Intl. Each run gets a fresh
// executor child, so the child's peak resident memory (VmHWM) belongs to that run alone.
import { describe, expect, it } from 'vitest';
import type { RunOutcome } from '../../core/execution/types.ts';
import { createExecutor } from '../../sandbox/index.ts';
import { bundleFunction, functionSource } from './helpers/bundle-function.ts';
import { createFakeHost } from './helpers/fake-host.ts';
import { peakResidentMb, watchPeakResidentMb } from './helpers/process-memory.ts';

// A child starts at about 80 MB; a run may add its 64 MB limit twice plus 64 MB (see watchdog.ts). Every
// bomb below reaches 1 GB or more when nothing stops it.
const PEAK_BOUND_MB = 400;
const BOMB_LIMITS = { wallTimeMs: 20_000, cpuTimeMs: 20_000 };

async function runInFreshChild(body: string) {
  let childPid: number | undefined;
  const executor = createExecutor({ limits: BOMB_LIMITS, _internal: { onSpawn: (pid) => (childPid = pid) } });
  try {
    const bundled = await bundleFunction(functionSource({ run: body }));
    const watch = watchPeakResidentMb(() => childPid);
    const bomb = await executor.run({ ...bundled, event: {} }, createFakeHost());
    const peakMb = watch.stop();
    const normal = await bundleFunction(functionSource({ run: `return { taken: await ctx.directory.isUsernameTaken('jsmith') };` }));
    const next = await executor.run({ ...normal, event: {} }, createFakeHost({ taken: ['jsmith'] }));
    return { outcome: bomb.outcome, peakMb, next: next.outcome };
  } finally {
    await executor.close();
  }
}

const MB = 1024 * 1024;
const BOMBS: Array<[name: string, body: string, expected: (outcome: RunOutcome) => void]> = [
  [
    'WebAssembly memory grown and touched',
    `const memory = new WebAssembly.Memory({ initial: 1, maximum: 65536 });
     for (let step = 0; step < 64; step++) { memory.grow(256); new Uint8Array(memory.buffer, (1 + step * 256) * 65536).fill(1); }
     return memory.buffer.byteLength;`,
    (outcome) => expect(outcome).toMatchObject({ kind: 'threw', message: 'ReferenceError: WebAssembly is not defined' }),
  ],
  [
    'a resizable ArrayBuffer',
    `const buffer = new (ArrayBuffer as any)(${1024 * MB}, { maxByteLength: ${1024 * MB} });
     new Uint8Array(buffer).fill(1);
     return buffer.byteLength;`,
    (outcome) => expect(outcome).toMatchObject({ kind: 'threw', message: 'RangeError: resizable ArrayBuffers are not available in the sandbox' }),
  ],
  [
    'a growable SharedArrayBuffer',
    `const buffer = new (SharedArrayBuffer as any)(0, { maxByteLength: ${1024 * MB} });
     for (let size = 16; size <= 1024; size += 16) { buffer.grow(size * ${MB}); new Uint8Array(buffer, (size - 16) * ${MB}).fill(1); }
     return buffer.byteLength;`,
    (outcome) => expect(outcome).toMatchObject({ kind: 'threw', message: 'ReferenceError: SharedArrayBuffer is not defined' }),
  ],
  [
    'ArrayBuffers past the memory limit',
    `const keep: Uint8Array[] = [];
     for (let index = 0; index < 64; index++) keep.push(new Uint8Array(${16 * MB}).fill(1));
     return keep.length;`,
    (outcome) => expect(['threw', 'out-of-memory']).toContain(outcome.kind),
  ],
  [
    'one typed array of 1 GB',
    `return new Float64Array(${128 * MB}).fill(1).length;`,
    (outcome) => expect(outcome).toMatchObject({ kind: 'threw', message: expect.stringMatching(/^RangeError: /) }),
  ],
  [
    'ICU objects behind Intl',
    `const keep: unknown[] = [];
     for (let index = 0; index < 50_000; index++) keep.push(new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', hour: 'numeric' }), new Intl.Collator('de'), new Intl.Segmenter('en'));
     return keep.length;`,
    (outcome) => expect(outcome).toEqual({ kind: 'out-of-memory', memoryLimitMb: 64 }),
  ],
];

describe('memory outside the V8 heap', () => {
  it.each(BOMBS)('contains %s: a clean outcome, a bounded child, a working next run', async (_name, body, expected) => {
    const { outcome, peakMb, next } = await runInFreshChild(body);
    expected(outcome);
    expect(peakMb).toBeDefined();
    expect(peakMb).toBeLessThan(PEAK_BOUND_MB);
    expect(next).toEqual({ kind: 'returned', value: { taken: true } });
  });

  it('replaces a child after a run that ran out of memory, so memory it kept does not pile up', async () => {
    const pids: Array<number | undefined> = [];
    const executor = createExecutor({ limits: BOMB_LIMITS, _internal: { onSpawn: (pid) => pids.push(pid) } });
    try {
      const intl = BOMBS.find(([name]) => name.includes('Intl'));
      const bomb = await bundleFunction(functionSource({ run: intl?.[1] ?? '' }));
      for (let round = 0; round < 3; round++) {
        const { outcome } = await executor.run({ ...bomb, event: {} }, createFakeHost());
        expect(outcome.kind).toBe('out-of-memory');
        expect(peakResidentMb(pids.at(-1)) ?? 0).toBeLessThan(PEAK_BOUND_MB); // unreadable once replaced
      }
      expect(new Set(pids).size).toBe(3);
    } finally {
      await executor.close();
    }
  });

  it('keeps ArrayBuffer whole for ordinary code, with no path back to a resizable one', async () => {
    const { outcome } = await runInFreshChild(`
      class Tagged extends ArrayBuffer {}
      const viewBuffer = new Uint8Array(4).buffer;
      let refused = '';
      try { new (viewBuffer.constructor as any)(8, { maxByteLength: 16 }); } catch (error) { refused = String(error); }
      return {
        length: new ArrayBuffer(8).byteLength, call: (() => { try { (ArrayBuffer as any)(8); return 'called'; } catch (error) { return (error as Error).name; } })(),
        instance: viewBuffer instanceof ArrayBuffer, sameConstructor: viewBuffer.constructor === ArrayBuffer && ArrayBuffer.prototype.constructor === ArrayBuffer,
        subclass: new Tagged(2) instanceof Tagged && new Tagged(2).byteLength === 2, isView: ArrayBuffer.isView(new DataView(viewBuffer)),
        sliced: viewBuffer.slice(1).byteLength, name: ArrayBuffer.name, arity: ArrayBuffer.length, refused,
        globals: ['WebAssembly', 'SharedArrayBuffer'].filter((name) => Object.getOwnPropertyNames(globalThis).includes(name)),
      };`);
    expect(outcome).toEqual({
      kind: 'returned',
      value: {
        length: 8, call: 'TypeError', instance: true, sameConstructor: true, subclass: true, isView: true, sliced: 3,
        name: 'ArrayBuffer', arity: 1, refused: 'RangeError: resizable ArrayBuffers are not available in the sandbox', globals: [],
      },
    });
  });
});
