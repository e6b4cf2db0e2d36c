// Drafts over MCP: list_drafts, get_draft and delete_draft; save_draft and author_function refuse to
// replace a draft unless asked (overwrite: true); fixtures are accepted as an array as well as JSON text;
// each principal reads only their own drafts, as tools and as resources.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { createHarness, structured } from './harness.ts';
import { SAMPLE_NAME, SAMPLE_SPEC, sampleFixtures, sampleSource } from './sample-function.ts';

const USERNAME_RULE = 'Usernames are the first initial plus the last name in lowercase; if taken add 1, 2, 3';

const harness = createHarness();
let alice: Client;
let bob: Client;
beforeAll(async () => {
  alice = await harness.connect({ name: 'alice', role: 'author' });
  bob = await harness.connect({ name: 'bob', role: 'author' });
});
afterAll(() => harness.close());

const call = async (client: Client, name: string, args: Record<string, unknown>) => structured(await client.callTool({ name, arguments: args }));

describe('save_draft', () => {
  it('takes fixtures as an array, as get_function returns them, and keeps the requirement', async () => {
    const saved = await call(alice, 'save_draft', { name: SAMPLE_NAME, source: sampleSource(), fixtures: JSON.parse(sampleFixtures()), spec: SAMPLE_SPEC, requirement: 'usernames for joiners' });
    expect(saved).toMatchObject({ draft: { name: SAMPLE_NAME, author: 'alice' }, test: { ok: true, passed: 2 } });
    expect(harness.deps.drafts.get('alice', SAMPLE_NAME)).toMatchObject({ requirement: 'usernames for joiners' });
  });

  it('refuses to replace a draft unless asked, and replaces it with overwrite: true', async () => {
    const refused = await call(alice, 'save_draft', { name: SAMPLE_NAME, source: sampleSource({ suffixStart: 2 }), fixtures: sampleFixtures({ suffixStart: 2 }) });
    expect(refused).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('overwrite: true') });
    expect(harness.deps.drafts.get('alice', SAMPLE_NAME)?.source).toBe(sampleSource());
    const replaced = await call(alice, 'save_draft', { name: SAMPLE_NAME, source: sampleSource({ suffixStart: 2 }), fixtures: sampleFixtures({ suffixStart: 2 }), overwrite: true });
    expect(replaced.test).toMatchObject({ ok: true });
    expect(harness.deps.drafts.get('alice', SAMPLE_NAME)?.source).toBe(sampleSource({ suffixStart: 2 }));
  });

  it('takes array fixtures in test_function and publish_function too', async () => {
    const fixtures = JSON.parse(sampleFixtures());
    expect(await call(alice, 'test_function', { source: sampleSource(), fixtures })).toMatchObject({ ok: true, passed: 2 });
    expect(await call(alice, 'publish_function', { source: sampleSource(), fixtures })).toMatchObject({ published: { version: 1 } });
    expect(harness.registry.getVersion(SAMPLE_NAME, 1)?.fixtures).toEqual(fixtures);
  });
});

describe('list_drafts, get_draft, delete_draft', () => {
  it('lists only the caller\'s drafts, and reads one with its parts on request', async () => {
    expect(await call(alice, 'list_drafts', {})).toEqual({ drafts: [expect.objectContaining({ name: SAMPLE_NAME, author: 'alice', ok: true })] });
    expect(await call(bob, 'list_drafts', {})).toEqual({ drafts: [] });
    const summary = await call(alice, 'get_draft', { name: SAMPLE_NAME });
    expect(summary).toMatchObject({ name: SAMPLE_NAME, owner: 'alice', test: { ok: true }, links: { source: `joinery://drafts/${SAMPLE_NAME}/source` } });
    expect(summary).not.toHaveProperty('source');
    const full = await call(alice, 'get_draft', { name: SAMPLE_NAME, include: ['source', 'fixtures'] });
    expect(full.source).toBe(sampleSource({ suffixStart: 2 }));
    expect(full.fixtures).toEqual(JSON.parse(sampleFixtures({ suffixStart: 2 })));
    expect(await call(bob, 'get_draft', { name: SAMPLE_NAME })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('serves a draft\'s parts as resources to its owner only', async () => {
    const uri = `joinery://drafts/${SAMPLE_NAME}/source`;
    expect(JSON.stringify((await alice.readResource({ uri })).contents[0])).toContain('defineFunction');
    const refused = await bob.readResource({ uri }).catch((caught: unknown) => caught);
    expect((refused as McpError).data).toEqual({ code: 'NOT_FOUND' });
    const { resources } = await bob.listResources();
    expect(resources.filter((resource) => resource.uri.startsWith('joinery://drafts/'))).toEqual([]);
  });

  it('pages the list with a cursor', async () => {
    for (const suffix of ['a', 'b', 'c']) harness.deps.drafts.save({ ...structuredDraft(), name: `paged-${suffix}` });
    const first = await call(alice, 'list_drafts', { limit: 2 });
    expect(first.drafts).toHaveLength(2);
    const second = await call(alice, 'list_drafts', { limit: 2, cursor: first.nextCursor });
    expect(second.nextCursor).toBeUndefined();
    expect([...first.drafts, ...second.drafts].map((draft: { name: string }) => draft.name).sort()).toEqual(['paged-a', 'paged-b', 'paged-c', SAMPLE_NAME]);
    expect(await call(alice, 'list_drafts', { cursor: 'not-a-cursor' })).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('deletes a draft, and answers NOT_FOUND the second time', async () => {
    expect(await call(alice, 'delete_draft', { name: 'paged-a' })).toEqual({ deleted: 'paged-a' });
    expect(harness.deps.drafts.get('alice', 'paged-a')).toBeUndefined();
    expect(await call(alice, 'delete_draft', { name: 'paged-a' })).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('author_function and existing drafts', () => {
  it('refuses a name the caller already has a draft under, before running the author', async () => {
    let modelsCreated = 0;
    const counting = await harness.connectWith({ ...harness.deps, createModel: async () => (modelsCreated++, harness.deps.createModel()) }, { name: 'alice', role: 'author' });
    const refused = await call(counting, 'author_function', { requirement: USERNAME_RULE, name: SAMPLE_NAME });
    expect(refused).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('overwrite: true') });
    expect(modelsCreated).toBe(0);
  });

  it('two rules that default to the same name: the second is not saved over the first', async () => {
    const first = await call(bob, 'author_function', { requirement: USERNAME_RULE });
    expect(first).toMatchObject({ ok: true, draft: { name: expect.any(String) } });
    const name = first.draft.name;
    const before = harness.deps.drafts.get('bob', name);
    const second = await call(bob, 'author_function', { requirement: `${USERNAME_RULE}; at most 12 characters` });
    expect(second).toMatchObject({ draft: null });
    expect(second.nextSteps[0]).toContain(`already have a draft named "${name}"`);
    expect(harness.deps.drafts.get('bob', name)).toEqual(before);
    const replaced = await call(bob, 'author_function', { requirement: `${USERNAME_RULE}; at most 12 characters`, overwrite: true });
    expect(replaced.draft).toMatchObject({ name });
    expect(harness.deps.drafts.get('bob', name)?.requirement).toContain('at most 12 characters');
  });
});

function structuredDraft() {
  const draft = harness.deps.drafts.get('alice', SAMPLE_NAME);
  if (!draft) throw new Error('the sample draft is missing');
  return draft;
}
