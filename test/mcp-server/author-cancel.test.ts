// Cancelling author_function leaves no draft behind, wherever the cancellation lands: while the model
// thinks (at 20 ms and 150 ms), between the author's steps, while the fixtures run, and after the author
// finished but before the draft is saved. The test model holds each turn until the server has seen the
// cancellation, so no timing decides the outcome; uncancelled, the same model saves its draft.

import { afterAll, describe, expect, it } from 'vitest';
import type { Progress } from '@modelcontextprotocol/sdk/types.js';
import { createOfflineModel, type ModelClient } from '../../agent/index.ts';
import { createHarness, structured, templates } from './harness.ts';

const REQUIREMENT = 'Usernames are the first initial plus the last name in lowercase; if taken add 1, 2, 3; keep it within 20 characters for AD';

const harness = createHarness();
afterAll(() => harness.close());

/** The offline model, except that once `holdUntilCancelled` is set a turn waits for the request's signal. */
function cancellableModel() {
  const offline = createOfflineModel({ templates });
  let signal: AbortSignal | undefined;
  let markClosed = () => {};
  const state = { holdUntilCancelled: false, abortClient: () => {}, closed: new Promise<void>((resolve) => (markClosed = resolve)) };
  const cancelled = () => new Promise<void>((resolve) => (signal?.aborted ? resolve() : signal?.addEventListener('abort', () => resolve(), { once: true })));
  const model: ModelClient = {
    provider: offline.provider,
    model: offline.model,
    estimateCostUsd: (usage) => offline.estimateCostUsd(usage),
    async complete(request, options) {
      signal = options?.signal;
      if (state.holdUntilCancelled) await cancelled();
      return offline.complete(request, options);
    },
    async close() {
      if (state.holdUntilCancelled === false && state.abortClient !== noAbort) {
        // Cancelled after the author finished, before the draft is saved.
        state.abortClient();
        await cancelled();
      }
      markClosed();
    },
  };
  return { model, state };
}

const noAbort = () => {};

async function authorAndCancel(owner: string, when: { atProgress?: RegExp; afterMs?: number; afterAuthoring?: boolean }) {
  const { model, state } = cancellableModel();
  const client = await harness.connectWith({ ...harness.deps, createModel: async () => model }, { name: owner, role: 'author' });
  const controller = new AbortController();
  state.abortClient = when.afterAuthoring ? () => controller.abort('changed my mind') : noAbort;
  const cancel = () => {
    state.holdUntilCancelled = true;
    controller.abort('changed my mind');
  };
  if (when.afterMs !== undefined) {
    state.holdUntilCancelled = true;
    setTimeout(() => controller.abort('changed my mind'), when.afterMs);
  }
  const call = client.callTool({ name: 'author_function', arguments: { requirement: REQUIREMENT, name: `${owner}-names` } }, undefined, {
    signal: controller.signal,
    onprogress: (event: Progress) => {
      if (when.atProgress?.test(event.message ?? '') && !controller.signal.aborted) cancel();
    },
  });
  const outcome = await call.then(() => 'answered', () => 'rejected');
  // The server finishes its side after the client gave up: wait for the model to be closed, then for
  // the rest of the call (synchronous up to a save) to run.
  await state.closed;
  await new Promise((resolve) => setImmediate(resolve));
  return { outcome, drafts: harness.deps.drafts.list(owner) };
}

describe('cancelling author_function', () => {
  it('saves the draft when nobody cancels (the control)', async () => {
    const { outcome, drafts } = await authorAndCancel('control', {});
    expect(outcome).toBe('answered');
    expect(drafts.map((draft) => draft.name)).toEqual(['control-names']);
  });

  for (const afterMs of [20, 150]) {
    it(`leaves no draft when cancelled ${afterMs} ms in`, async () => {
      const owner = `timed${afterMs}`;
      expect(await authorAndCancel(owner, { afterMs })).toEqual({ outcome: 'rejected', drafts: [] });
    });
  }

  for (const [label, atProgress] of [
    ['as it starts', /^authoring with/],
    ['at the first model turn', /^turn 1/],
    ['once the function is written', /^function written/],
    ['while the fixtures run', /^running fixtures/],
    ['after the fixtures passed', /^fixtures: \d+ passed/],
  ] as const) {
    it(`leaves no draft when cancelled ${label}`, async () => {
      const owner = label.replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '');
      expect(await authorAndCancel(owner, { atProgress })).toEqual({ outcome: 'rejected', drafts: [] });
    });
  }

  it('leaves no draft when cancelled after the author finished, before the draft is saved', async () => {
    expect(await authorAndCancel('late', { afterAuthoring: true })).toEqual({ outcome: 'rejected', drafts: [] });
  });

  it('still answers the next call on the same server', async () => {
    const client = await harness.connect({ name: 'after', role: 'author' });
    expect(structured(await client.callTool({ name: 'list_drafts', arguments: {} }))).toEqual({ drafts: [] });
  });
});
