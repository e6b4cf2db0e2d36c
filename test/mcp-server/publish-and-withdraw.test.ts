// publish_function is idempotent as it says: the same code published again by the same author returns the
// version it already is. withdraw_version lets whoever published a pending version take it back
// (audited); nobody else, and not once it is decided. The requirement travels from the draft to the
// version, to get_function and to the reviewer's prompt.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { createHarness, structured } from './harness.ts';
import { SAMPLE_NAME, SAMPLE_SPEC, sampleFixtures, sampleSource } from './sample-function.ts';

const REQUIREMENT = 'Usernames are first initial + last name, numbered from 1 on a clash; tell the hooks service.';

const harness = createHarness();
let alice: Client;
let bob: Client;
let carol: Client;
beforeAll(async () => {
  alice = await harness.connect({ name: 'alice', role: 'author' });
  bob = await harness.connect({ name: 'bob', role: 'author' });
  carol = await harness.connect({ name: 'carol', role: 'reviewer' });
});
afterAll(() => harness.close());

const call = async (client: Client, name: string, args: Record<string, unknown>) => structured(await client.callTool({ name, arguments: args }));

describe('publishing the same draft twice', () => {
  it('returns the existing version the second time, and stores one version', async () => {
    await call(alice, 'save_draft', { name: SAMPLE_NAME, source: sampleSource(), fixtures: sampleFixtures(), spec: SAMPLE_SPEC, requirement: REQUIREMENT, conversation_id: 'chat-42' });
    const first = await call(alice, 'publish_function', { draft: SAMPLE_NAME });
    const second = await call(alice, 'publish_function', { draft: SAMPLE_NAME });
    expect(first).toMatchObject({ existing: false, published: { version: 1, status: 'pending_review', author: 'alice' } });
    expect(second).toMatchObject({ existing: true, published: first.published });
    expect(harness.registry.listVersions(SAMPLE_NAME)).toHaveLength(1);
  });

  it('answers CONFLICT when someone else publishes the very same code', async () => {
    const result = await call(bob, 'publish_function', { source: sampleSource(), fixtures: sampleFixtures() });
    expect(result).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(`${SAMPLE_NAME}@1 already has this source`) });
  });

  it('keeps the requirement and conversation with the version, for get_function and the reviewer', async () => {
    expect(await call(carol, 'get_function', { name: SAMPLE_NAME, version: 'latest' })).toMatchObject({ requirement: REQUIREMENT, provenance: { conversationId: 'chat-42' } });
    const prompt = await carol.getPrompt({ name: 'review_function', arguments: { name: SAMPLE_NAME, version: 'latest' } });
    const checklist = prompt.messages[0]?.content;
    expect(checklist).toMatchObject({ type: 'text', text: expect.stringContaining(`> ${REQUIREMENT}`) });
  });
});

describe('withdraw_version', () => {
  it('refuses anyone but its author, and records the refusal', async () => {
    const refused = await call(bob, 'withdraw_version', { name: SAMPLE_NAME, version: 1 });
    expect(refused).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('only alice') });
    expect(harness.registry.listAudit({ actor: 'bob', allowed: false })[0]).toMatchObject({ action: 'withdraw_version', target: `${SAMPLE_NAME}@1` });
  });

  it('lets the author withdraw a pending version: audited, shown as withdrawn, no longer reviewable', async () => {
    expect(await call(alice, 'withdraw_version', { name: SAMPLE_NAME, version: 'latest', reason: 'wrong hook' })).toEqual({ name: SAMPLE_NAME, version: 1, status: 'withdrawn' });
    expect(harness.registry.listAudit({ actor: 'alice' })[0]).toMatchObject({ action: 'withdraw', target: `${SAMPLE_NAME}@1`, allowed: true, detail: { reason: 'wrong hook' } });
    expect((await call(carol, 'list_versions', { name: SAMPLE_NAME })).versions).toEqual([expect.objectContaining({ version: 1, status: 'withdrawn' })]);
    expect(await call(carol, 'review_function', { name: SAMPLE_NAME, version: 1, decision: 'approve' })).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('withdrew') });
  });

  it('lets the same code be published again after a withdrawal, as a new version', async () => {
    expect(await call(alice, 'publish_function', { draft: SAMPLE_NAME })).toMatchObject({ existing: false, published: { version: 2 } });
  });

  it('refuses to withdraw a version already decided', async () => {
    await call(carol, 'review_function', { name: SAMPLE_NAME, version: 2, decision: 'approve' });
    expect(await call(alice, 'withdraw_version', { name: SAMPLE_NAME, version: 2 })).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('approved') });
  });

  it('lets the person who had the agent write a version withdraw it', async () => {
    const authored = await call(bob, 'author_function', { requirement: 'Usernames are the first initial plus the last name in lowercase; if taken add 1, 2, 3' });
    const published = await call(bob, 'publish_function', { draft: authored.draft.name });
    expect(published.published).toMatchObject({ author: 'agent:offline', requestedBy: 'bob' });
    expect(await call(bob, 'withdraw_version', { name: authored.draft.name, version: published.published.version })).toMatchObject({ status: 'withdrawn' });
  });
});
