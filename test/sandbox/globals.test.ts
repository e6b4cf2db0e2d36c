// The globals contract.md promises inside the sandbox, and the Node globals it promises are absent.
import { afterAll, describe, expect, it } from 'vitest';
import { createInProcessRunner } from '../../sandbox/index.ts';
import { bundleFunction, functionSource } from './helpers/bundle-function.ts';
import { createFakeHost } from './helpers/fake-host.ts';

const runner = createInProcessRunner();
afterAll(() => runner.close());

async function evaluate(body: string): Promise<unknown> {
  const result = await runner.run({ ...(await bundleFunction(functionSource({ run: body }))), event: {} }, createFakeHost());
  if (result.outcome.kind !== 'returned') throw new Error(`expected a value, got ${JSON.stringify(result.outcome)}`);
  return result.outcome.value;
}

describe('sandbox globals', () => {
  it('has no require, process, timers, fetch or other Node globals', async () => {
    const names = ['require', 'process', 'setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'fetch', 'Buffer', 'global', 'module', 'exports'];
    expect(await evaluate(`return ${JSON.stringify(names)}.map((name) => [name, typeof (globalThis as any)[name]]);`)).toEqual(
      names.map((name) => [name, 'undefined']),
    );
  });

  it('parses and edits URLs like the platform', async () => {
    expect(await evaluate(`
      const url = new URL('/v1.0/users?$filter=a b&x=1#top', 'https://Graph.Microsoft.com:443');
      const before = { href: url.href, host: url.host, origin: url.origin, pathname: url.pathname, search: url.search, hash: url.hash, x: url.searchParams.get('x') };
      url.searchParams.append('name', 'Zoë Müller & co');
      url.pathname = '/v1.0/me';
      url.hash = '';
      const relative = new URL('../up?q', 'http://example.com/a/b/c').href;
      let invalid = '';
      try { new URL('not a url'); } catch (error) { invalid = (error as Error).name + ': ' + (error as Error).message; }
      return { before, after: url.toString(), json: JSON.stringify({ url }), relative, invalid, canParse: [URL.canParse('https://x'), URL.canParse('nope')] };`)).toEqual({
      before: { href: 'https://graph.microsoft.com/v1.0/users?$filter=a%20b&x=1#top', host: 'graph.microsoft.com', origin: 'https://graph.microsoft.com', pathname: '/v1.0/users', search: '?$filter=a%20b&x=1', hash: '#top', x: '1' },
      after: 'https://graph.microsoft.com/v1.0/me?%24filter=a+b&x=1&name=Zo%C3%AB+M%C3%BCller+%26+co',
      json: '{"url":"https://graph.microsoft.com/v1.0/me?%24filter=a+b&x=1&name=Zo%C3%AB+M%C3%BCller+%26+co"}',
      relative: 'http://example.com/a/up?q',
      invalid: 'TypeError: Invalid URL',
      canParse: [true, false],
    });
  });

  it('has a complete URLSearchParams', async () => {
    expect(await evaluate(`
      const params = new URLSearchParams('?b=2&a=1&b=3&c=%E2%9C%93+ok');
      const seen: string[] = [];
      params.forEach((value, name) => seen.push(name + '=' + value));
      params.set('b', '9');
      params.delete('a');
      params.sort();
      const fromRecord = new URLSearchParams({ x: 'y z', n: '1' }).toString();
      const fromPairs = new URLSearchParams([['k', 'v'], ['k', 'w']]).getAll('k');
      return { seen, after: params.toString(), has: [params.has('b'), params.has('a'), params.has('b', '9')], size: params.size, entries: [...params], fromRecord, fromPairs };`)).toEqual({
      seen: ['b=2', 'a=1', 'b=3', 'c=✓ ok'],
      after: 'b=9&c=%E2%9C%93+ok',
      has: [true, false, true],
      size: 2,
      entries: [['b', '9'], ['c', '✓ ok']],
      fromRecord: 'x=y+z&n=1',
      fromPairs: ['v', 'w'],
    });
  });

  it('round-trips non-ASCII text through TextEncoder and TextDecoder', async () => {
    const text = 'Zoë Ødegård 𝔘𝔫𝔦 日本 😀';
    expect(await evaluate(`
      const text = ${JSON.stringify(text)};
      const bytes = new TextEncoder().encode(text);
      const into = new Uint8Array(4);
      const partial = new TextEncoder().encodeInto('aé😀', into);
      let fatal = '';
      try { new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xff])); } catch (error) { fatal = (error as Error).name; }
      return { same: new TextDecoder().decode(bytes) === text, length: bytes.length, isBytes: bytes instanceof Uint8Array,
        partial, into: [...into], lenient: new TextDecoder().decode(new Uint8Array([0x61, 0xff])), fatal, encoding: new TextDecoder().encoding,
        view: new TextDecoder().decode(new DataView(bytes.buffer, 0, 3)),
        streamed: (() => { const decoder = new TextDecoder(); let out = ''; for (const byte of bytes) out += decoder.decode(new Uint8Array([byte]), { stream: true }); return out + decoder.decode(); })() === text };`)).toEqual({
      same: true,
      length: Buffer.byteLength(text),
      isBytes: true,
      partial: { read: 2, written: 3 },
      into: [0x61, 0xc3, 0xa9, 0],
      lenient: 'a\ufffd',
      fatal: 'TypeError',
      encoding: 'utf-8',
      view: 'Zo\ufffd',
      streamed: true,
    });
  });

  it('has btoa and atob', async () => {
    expect(await evaluate(`
      let refused = '';
      try { btoa('😀'); } catch (error) { refused = (error as Error).name; }
      return [btoa('hello, world'), atob('aGVsbG8sIHdvcmxk'), atob(btoa('\\u00ff\\u0000')), refused];`)).toEqual([
      'aGVsbG8sIHdvcmxk', 'hello, world', '\u00ff\u0000', 'InvalidCharacterError',
    ]);
  });

  it('has structuredClone', async () => {
    expect(await evaluate(`
      const source = { when: new Date(5), map: new Map([['k', { deep: [1, 2] }]]), set: new Set([1]), bytes: new Uint8Array([7]) };
      const copy = structuredClone(source);
      let refused = '';
      try { structuredClone({ f() {} }); } catch (error) { refused = (error as Error).name; }
      return { distinct: copy !== source && copy.map.get('k') !== source.map.get('k'), date: copy.when instanceof Date && copy.when.getTime(),
        deep: copy.map.get('k'), set: copy.set.has(1), bytes: copy.bytes instanceof Uint8Array && copy.bytes[0], refused };`)).toEqual({
      distinct: true, date: 5, deep: { deep: [1, 2] }, set: true, bytes: 7, refused: 'DataCloneError',
    });
  });

  it('has crypto.randomUUID and crypto.getRandomValues', async () => {
    const value = (await evaluate(`
      const filled = crypto.getRandomValues(new Uint32Array(8));
      let tooBig = '', wrongType = '';
      try { crypto.getRandomValues(new Uint8Array(65537)); } catch (error) { tooBig = (error as Error).name; }
      try { crypto.getRandomValues(new Float64Array(2) as any); } catch (error) { wrongType = (error as Error).name; }
      return { uuids: [crypto.randomUUID(), crypto.randomUUID()], filled: [...filled], tooBig, wrongType };`)) as { uuids: string[]; filled: number[]; tooBig: string; wrongType: string };
    for (const uuid of value.uuids) expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(value.uuids[0]).not.toBe(value.uuids[1]);
    expect(new Set(value.filled).size).toBeGreaterThan(1);
    expect([value.tooBig, value.wrongType]).toEqual(['QuotaExceededError', 'TypeMismatchError']);
  });

  it('keeps Intl and String.prototype.normalize from V8', async () => {
    expect(await evaluate(`return ['Zoë'.normalize('NFKD').replace(/[\\u0300-\\u036f]/g, ''), new Intl.NumberFormat('en-US').format(1234.5)];`)).toEqual(['Zoe', '1,234.5']);
  });
});
