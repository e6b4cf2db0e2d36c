// Every naughty string crosses the boundary unchanged in both directions: in the event, out as the result,
// through ctx to the host, back from the host, into logs, through the web globals. Secret values never
// cross: each naughty value stays on the host, and its placeholder survives every encoding unchanged.
import { afterAll, describe, expect, it } from 'vitest';
import { createInProcessRunner } from '../../sandbox/index.ts';
import { bundleFunction, functionSource } from './helpers/bundle-function.ts';
import { createFakeHost, fakePlaceholder } from './helpers/fake-host.ts';
import { NAUGHTY_STRINGS } from '../helpers/naughty-strings.ts';

const NAUGHTY = NAUGHTY_STRINGS;
const runner = createInProcessRunner();
afterAll(() => runner.close());

describe('naughty strings through the sandbox', () => {
  it('round-trips every string through event, ctx, host, logs and result', async () => {
    const host = createFakeHost({ secrets: Object.fromEntries(NAUGHTY.map((text, index) => [`S${index}`, text])) });
    const source = functionSource({
      secrets: NAUGHTY.map((_, index) => `S${index}`),
      run: `
        const back: unknown[] = [];
        for (let index = 0; index < event.strings.length; index++) {
          const text = event.strings[index];
          await ctx.directory.isUsernameTaken(text);
          ctx.log.info(text, { text });
          const secret = await ctx.secrets.get('S' + index);
          const unchanged = [encodeURIComponent(secret), new URLSearchParams({ secret }).get('secret'), new URLSearchParams({ secret }).toString().slice(7), escape(secret), JSON.parse(JSON.stringify(secret))].every((form) => form === secret);
          const encoded = new TextDecoder('utf-8', { ignoreBOM: true }).decode(new TextEncoder().encode(text));
          const query = new URLSearchParams({ text }).get('text');
          back.push([text, secret, unchanged, encoded === text.toWellFormed(), query === text.toWellFormed()]);
        }
        return back;`,
    });
    const result = await runner.run({ ...(await bundleFunction(source)), event: { strings: NAUGHTY }, limits: { maxLogEntries: 10_000 } }, host);
    expect(result.outcome.kind).toBe('returned');
    expect((result.outcome as { value: unknown }).value).toEqual(NAUGHTY.map((text, index) => [text, fakePlaceholder(`S${index}`), true, true, true]));
    expect(host.calls.filter((call) => call.method === 'isUsernameTaken').map((call) => call.argument)).toEqual(NAUGHTY);
    expect(result.logs.map((entry) => [entry.message, entry.data])).toEqual(NAUGHTY.map((text) => [text, { text }]));
  });

  it('survives every string as a fetch URL, header value and secret name', async () => {
    const host = createFakeHost();
    const source = functionSource({
      egress: ['api.example.com'],
      run: `
        let refused = 0;
        for (const text of event.strings) {
          for (const attempt of [() => ctx.http.fetch(text), () => ctx.http.fetch('https://api.example.com/', { headers: { 'x-text': text } }), () => ctx.secrets.get(text)]) {
            try { await attempt(); } catch { refused++; }
          }
        }
        return refused;`,
    });
    const result = await runner.run({ ...(await bundleFunction(source)), event: { strings: NAUGHTY } }, host);
    expect(result.outcome).toEqual({ kind: 'returned', value: NAUGHTY.length * 3 });
    for (const call of host.calls) expect(call.method).toBe('fetch');
  });
});
