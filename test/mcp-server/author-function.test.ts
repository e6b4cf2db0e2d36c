// author_function through a real Client: the offline author writes a passing function, one progress
// notification per step reaches the client, the draft is saved with the agent as its author, and a
// cancelled request stops the agent through extra.signal.

import { afterAll, describe, expect, it } from 'vitest';
import type { Progress } from '@modelcontextprotocol/sdk/types.js';
import { createOfflineModel, type ModelClient } from '../../agent/index.ts';
import { createHarness, structured, templates } from './harness.ts';

const REQUIREMENT = 'Usernames are the first initial plus the last name in lowercase; if taken add 1, 2, 3; keep it within 20 characters for AD';

const harness = createHarness();
afterAll(() => harness.close());

describe('author_function', () => {
  it('authors a passing function with progress notifications and saves it as the caller\'s draft', async () => {
    const alice = await harness.connect({ name: 'alice', role: 'author' });
    const progress: Progress[] = [];
    const result = await alice.callTool({ name: 'author_function', arguments: { requirement: REQUIREMENT } }, undefined, { onprogress: (event) => progress.push(event) });
    expect(result.isError).toBeFalsy();
    const authored = structured(result);
    expect(authored).toMatchObject({ ok: true, stop: 'finished', provider: 'offline', test: { ok: true }, draft: { author: 'agent:offline' } });
    expect(authored.draft.source).toContain('defineFunction');
    expect(authored.draft.spec).toContain(`# ${authored.draft.name}`);

    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.map((event) => event.progress)).toEqual(progress.map((_, index) => index + 1));
    expect(progress[0]?.message).toBe('authoring with offline');
    expect(progress.some((event) => /turn 1/.test(event.message ?? ''))).toBe(true);

    expect(harness.deps.drafts.get('alice', authored.draft.name)).toMatchObject({ owner: 'alice', author: 'agent:offline' });
  });

  it('publishes the agent\'s draft with the caller as requester, so the caller cannot approve it', async () => {
    const alice = await harness.connect({ name: 'alice', role: 'admin' });
    const [draft] = harness.deps.drafts.list('alice');
    const published = structured(await alice.callTool({ name: 'publish_function', arguments: { draft: draft!.name } }));
    expect(published.published).toMatchObject({ author: 'agent:offline', requestedBy: 'alice', status: 'pending_review' });
    const review = await alice.callTool({ name: 'review_function', arguments: { name: draft!.name, version: 1, decision: 'approve' } });
    expect(structured(review)).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('requested it') });
  });

  it('stops the agent when the client cancels the request', async () => {
    // The second model turn waits until the request's signal aborts, so only cancellation can end it.
    let sawAbort = false;
    const offline = createOfflineModel({ templates });
    let turns = 0;
    const model: ModelClient = {
      provider: offline.provider,
      model: offline.model,
      estimateCostUsd: (usage) => offline.estimateCostUsd(usage),
      async complete(request, options) {
        turns += 1;
        if (turns === 1) return offline.complete(request, options);
        const signal = options?.signal;
        await new Promise<void>((resolve) => (signal?.aborted ? resolve() : signal?.addEventListener('abort', () => resolve(), { once: true })));
        sawAbort = true;
        throw new Error('aborted');
      },
    };
    const server = { ...harness.deps, createModel: async () => model };
    const bob = await harness.connectWith(server, { name: 'bob', role: 'author' });
    const controller = new AbortController();
    const call = bob.callTool({ name: 'author_function', arguments: { requirement: REQUIREMENT, name: 'bob-usernames' } }, undefined, {
      signal: controller.signal,
      onprogress: (event) => {
        if (/turn 2/.test(event.message ?? '')) controller.abort('the admin changed their mind');
      },
    });
    await expect(call).rejects.toThrow();
    await expect.poll(() => sawAbort, { timeout: 10_000 }).toBe(true);
    expect(turns).toBe(2);
  });
});
