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
    expect(authored).toMatchObject({ ok: true, stop: 'finished', provider: 'offline', test: { ok: true }, draft: { author: 'agent:offline' }, notUnderstood: [] });
    expect(authored.nextSteps[0]).toContain(`publish_function({ draft: "${authored.draft.name}" })`);

    // The source, spec and fixtures are links, read on demand.
    const links = (result.content as Array<{ type: string; uri?: string }>).filter((block) => block.type === 'resource_link').map((block) => block.uri);
    expect(links).toEqual(['source', 'spec', 'fixtures'].map((part) => `joinery://drafts/${authored.draft.name}/${part}`));
    const source = await alice.readResource({ uri: `joinery://drafts/${authored.draft.name}/source` });
    expect(JSON.stringify(source.contents[0])).toContain('defineFunction');
    const spec = await alice.readResource({ uri: `joinery://drafts/${authored.draft.name}/spec` });
    expect(JSON.stringify(spec.contents[0])).toContain(`# ${authored.draft.name}`);

    // Progress values grow, carry the total, and the last one is the outcome.
    const values = progress.map((event) => event.progress);
    expect(values).toEqual([...values].sort((left, right) => left - right));
    expect(new Set(values).size).toBe(values.length);
    expect(progress.every((event) => event.total === 13)).toBe(true);
    expect(progress[0]?.message).toBe('authoring with offline');
    expect(progress.some((event) => /turn 1/.test(event.message ?? ''))).toBe(true);
    expect(progress.at(-1)).toMatchObject({ progress: 13, total: 13, message: expect.stringMatching(/^finished: draft .+ saved \(\d+ fixtures pass, 0 fail\)$/) });

    expect(harness.deps.drafts.get('alice', authored.draft.name)).toMatchObject({ owner: 'alice', author: 'agent:offline', requirement: REQUIREMENT, conversationId: authored.conversationId });
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
