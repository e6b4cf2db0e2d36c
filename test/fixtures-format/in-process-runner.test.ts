// The in-process runner used by template tests and benches: it must behave like the sandbox port says.

import { describe, expect, it } from 'vitest';
import { createTestHost } from '../../core/fixtures/index.ts';
import { defineFunction } from '../../core/sdk/index.ts';
import { createInProcessRunner } from '../helpers/in-process-context.ts';
import { fixture, joinerInput } from './fixture-builders.ts';

const caller = defineFunction({
  name: 'caller',
  description: 'Calls the outside world.',
  trigger: 'user.joined',
  egress: ['graph.microsoft.com'],
  secrets: ['GRAPH_TOKEN'],
  async run(event, ctx) {
    const token = await ctx.secrets.get('GRAPH_TOKEN');
    const response = await ctx.http.fetch('https://graph.microsoft.com/v1.0/users', {
      method: 'post',
      headers: { Authorization: `Bearer ${token}` },
      body: { name: event.person.lastName },
    });
    ctx.log.info('created', { status: response.status });
    return { created: await response.json(), when: new Date(0) };
  },
});

describe('createInProcessRunner', () => {
  it('bridges ctx to the host: JSON bodies sent as JSON, methods uppercased, output as JSON', async () => {
    const { host, calls } = createTestHost(
      fixture({
        secrets: { GRAPH_TOKEN: 't' },
        http: [{ request: { method: 'POST', url: 'https://graph.microsoft.com/v1.0/users' }, response: { status: 201, body: { id: 'u1' } } }],
      }),
    );
    const result = await createInProcessRunner({ definition: caller }).run({ bundle: '', event: joinerInput() }, host);
    expect(result.outcome).toEqual({ kind: 'returned', value: { created: { id: 'u1' }, when: '1970-01-01T00:00:00.000Z' } });
    expect(calls).toEqual([
      {
        method: 'POST',
        url: 'https://graph.microsoft.com/v1.0/users',
        headers: { Authorization: 'Bearer t', 'content-type': 'application/json' },
        body: '{"name":"Smith"}',
      },
    ]);
    expect(result.logs).toMatchObject([{ level: 'info', message: 'created', data: { status: 201 } }]);
  });

  it('refuses undeclared secrets and hosts, as the sandbox does', async () => {
    const { host } = createTestHost(fixture({ secrets: { OTHER: 'x' } }));
    const sneaky = defineFunction({
      ...caller,
      async run(_event, ctx) {
        const secret = await ctx.secrets.get('OTHER').catch((error: Error) => error.message);
        const fetched = await ctx.http.fetch('https://evil.example/').catch((error: Error) => error.message);
        return { secret, fetched };
      },
    });
    const result = await createInProcessRunner({ definition: sneaky }).run({ bundle: '', event: joinerInput() }, host);
    expect(result.outcome).toEqual({
      kind: 'returned',
      value: { secret: 'secret "OTHER" is not declared in secrets', fetched: 'egress to evil.example is not declared in egress' },
    });
  });

  it('reports a throw, a wall-time overrun and dropped logs as values', async () => {
    const { host } = createTestHost(fixture());
    const runner = (run: () => Promise<unknown>) => createInProcessRunner({ definition: { ...caller, run } });
    const threw = await runner(async () => {
      throw new Error('boom');
    }).run({ bundle: '', event: joinerInput() }, host);
    expect(threw.outcome).toEqual({ kind: 'threw', message: 'boom' });
    const hung = await runner(() => new Promise(() => {})).run({ bundle: '', event: joinerInput(), limits: { wallTimeMs: 20 } }, host);
    expect(hung.outcome).toEqual({ kind: 'timed-out', limit: 'wall', limitMs: 20 });
    const chatty = createInProcessRunner({
      definition: defineFunction({ ...caller, async run(_event, ctx) { for (let index = 0; index < 5; index += 1) ctx.log.debug(`line ${index}`); } }),
    });
    const logged = await chatty.run({ bundle: '', event: joinerInput(), limits: { maxLogEntries: 2 } }, host);
    expect({ logs: logged.logs.length, dropped: logged.logsDropped }).toEqual({ logs: 2, dropped: 3 });
  });

  it('describes a bundle evaluated in a fresh context', async () => {
    const bundle = `globalThis.__handler = { name: 'x', description: 'd', trigger: 'manual', egress: ['a.example'], secrets: [], run() {} }; void 0;`;
    expect(await createInProcessRunner().describe({ bundle })).toEqual({
      ok: true,
      manifest: { name: 'x', description: 'd', trigger: 'manual', egress: ['a.example'], secrets: [] },
    });
    expect(await createInProcessRunner().describe({ bundle: 'void 0;' })).toEqual({ ok: false, message: 'the bundle did not set globalThis.__handler' });
  });
});
