// Bundles travel to an executor child once, then by digest: the child's bounded cache, the parent's mirror,
// and a digest-only job for a bundle the child has evicted, which still runs (the parent resends the bytes).
import { afterEach, describe, expect, it } from 'vitest';
import type { SandboxRunner } from '../../core/execution/types.ts';
import { bundleDigest, createBundleCache, createDigestMemo, createSentBundles } from '../../sandbox/bundle-cache.ts';
import { createExecutor, type ExecutorOptions } from '../../sandbox/index.ts';
import { bundleFunction, functionSource } from './helpers/bundle-function.ts';
import { createFakeHost } from './helpers/fake-host.ts';

describe('the bundle cache', () => {
  it('names a bundle and its source map together', () => {
    const digest = bundleDigest({ bundle: 'code', sourceMap: 'map one' });
    expect(bundleDigest({ bundle: 'code', sourceMap: 'map one' })).toBe(digest);
    expect(bundleDigest({ bundle: 'code', sourceMap: 'map two' })).not.toBe(digest);
    expect(bundleDigest({ bundle: 'code' })).not.toBe(digest);
    expect(bundleDigest({ bundle: 'cod', sourceMap: 'emap one' })).not.toBe(digest);
  });

  it('remembers recent digests without mixing bundles up, whichever string objects carry them', () => {
    const digestOf = createDigestMemo(2);
    const pieces = ['co', 'de'];
    const bundles = [{ bundle: 'code', sourceMap: 'map' }, { bundle: 'code' }, { bundle: 'other' }, { bundle: pieces.join(''), sourceMap: 'map' }];
    for (let round = 0; round < 3; round++) {
      for (const bytes of bundles) expect(digestOf(bytes)).toBe(bundleDigest(bytes));
    }
  });

  it.each([
    ['count', { maxBundles: 2 }],
    ['characters', { maxChars: 10 }],
  ])('evicts the least recently used bundle past its %s bound', (_bound, bounds) => {
    const cache = createBundleCache(bounds);
    cache.put('a', { bundle: 'aaaa' });
    cache.put('b', { bundle: 'bbbb' });
    expect(cache.get('a')).toEqual({ bundle: 'aaaa' }); // a is now the most recently used
    cache.put('c', { bundle: 'cccc' });
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toEqual({ bundle: 'aaaa' });
    expect(cache.get('c')).toEqual({ bundle: 'cccc' });
  });

  it('keeps a bundle larger than its character bound while it is the newest', () => {
    const cache = createBundleCache({ maxChars: 4 });
    cache.put('small', { bundle: 'ab' });
    cache.put('large', { bundle: 'abcdefgh' });
    expect(cache.get('large')).toEqual({ bundle: 'abcdefgh' });
    expect(cache.get('small')).toBeUndefined();
  });

  it("mirrors a child's cache by size in the parent, and forgets on request", () => {
    const sent = createSentBundles({ maxChars: 10 });
    sent.sent('a', { bundle: 'aaaa', sourceMap: 'aa' });
    expect(sent.has('a')).toBe(true);
    sent.sent('b', { bundle: 'bbbbbb' });
    expect(sent.has('a')).toBe(false);
    sent.forget('b');
    expect(sent.has('b')).toBe(false);
  });
});

describe('jobs named by digest', () => {
  let executor: SandboxRunner | undefined;
  afterEach(async () => {
    await executor?.close();
    executor = undefined;
  });

  function open(options: ExecutorOptions = {}) {
    const sent: boolean[] = [];
    executor = createExecutor({ ...options, _internal: { ...options._internal, onJobSent: (withBytes) => sent.push(withBytes) } });
    return { executor, sent };
  }
  const runOf = async (active: SandboxRunner, value: number) =>
    (await active.run({ ...(await bundleFunction(functionSource({ run: `return ${value};` }))), event: {} }, createFakeHost())).outcome;

  it('sends a bundle to a child once, then only its digest', async () => {
    const { executor: active, sent } = open();
    for (const value of [1, 1, 2, 1, 2]) expect(await runOf(active, value)).toEqual({ kind: 'returned', value });
    expect(sent).toEqual([true, false, true, false, false]);
  });

  it('runs a digest-only job for a bundle the child evicted: the parent sends the bytes again', async () => {
    const { executor: active, sent } = open({ _internal: { childBundleCache: { maxBundles: 1 } } });
    for (const value of [1, 2, 1, 2]) expect(await runOf(active, value)).toEqual({ kind: 'returned', value });
    // 1, 2 with bytes; then 1 by digest (evicted: sent again with bytes), and 2 the same way
    expect(sent).toEqual([true, true, false, true, false, true]);
  });

  it('sends the bytes again to a child that replaced one that died', async () => {
    const pids: Array<number | undefined> = [];
    const { executor: active, sent } = open({ _internal: { onSpawn: (pid) => pids.push(pid) } });
    expect(await runOf(active, 1)).toEqual({ kind: 'returned', value: 1 });
    const pid = pids.at(-1);
    if (pid === undefined) throw new Error('no child was started');
    const killer = { ...createFakeHost(), isUsernameTaken: () => { process.kill(pid, 'SIGKILL'); return new Promise<boolean>(() => {}); } };
    const calling = functionSource({ run: 'return ctx.directory.isUsernameTaken("x");' });
    expect((await active.run({ ...(await bundleFunction(calling)), event: {} }, killer)).outcome.kind).toBe('crashed');
    expect(await runOf(active, 1)).toEqual({ kind: 'returned', value: 1 });
    expect(sent).toEqual([true, true, true]);
  });
});
