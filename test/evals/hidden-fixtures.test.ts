// The author sees only the requirement text (and the function name chosen from the case id); the
// hidden fixtures that judge it never reach the model.

import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTemplates, ZERO_USAGE, type ModelClient, type ModelRequest } from '../../agent/index.ts';
import { createModelAuthor, loadCases, PROJECT_CASES_DIR, runEvals } from '../../evals/index.ts';
import { createRealToolchain } from '../helpers/real-toolchain.ts';

const templates = loadTemplates(fileURLToPath(new URL('../../templates', import.meta.url)));
const toolchain = createRealToolchain();
afterAll(() => toolchain.close());

/** A model that records what it is sent and gives up at once. */
function recordingModel(requests: ModelRequest[]): ModelClient {
  return {
    provider: 'scripted',
    model: 'recording',
    estimateCostUsd: () => 0,
    async complete(request) {
      requests.push(structuredClone(request));
      return { content: [{ type: 'tool_use', id: `toolu_${requests.length}`, name: 'give_up', input: { reason: 'recording only' } }], stopReason: 'tool_use', usage: ZERO_USAGE, model: 'recording' };
    },
  };
}

describe('what the author is shown', () => {
  it('the requirement and the case id as the function name, and nothing of the hidden fixtures', async () => {
    const { cases } = loadCases({ path: PROJECT_CASES_DIR });
    const chosen = ['username-flast-ad', 'tap-slack-manager'].map((id) => cases.find((evalCase) => evalCase.id === id)!);
    const requests: ModelRequest[] = [];
    const run = await runEvals({ cases: chosen, author: createModelAuthor({ model: recordingModel(requests), toolchain, templates }), toolchain });

    expect(requests).toHaveLength(2);
    for (const [index, evalCase] of chosen.entries()) {
      const userMessages = requests[index]!.messages.filter((message) => message.role === 'user');
      expect(userMessages).toEqual([{ role: 'user', content: `${evalCase.requirement}\n\nName the function "${evalCase.id}".` }]);
    }
    // The system prompt does not depend on the case, so no hidden fixture can be hiding in it.
    expect(requests[0]!.system).toEqual(requests[1]!.system);
    const sent = JSON.stringify(requests);
    for (const evalCase of chosen) {
      for (const test of evalCase.tests) expect(sent).not.toContain(JSON.stringify(test));
    }
    expect(run.cases.map((score) => score.outcome)).toEqual(['no-function', 'no-function']);
    expect(run.cases[0]!.author).toMatchObject({ ok: false, stop: 'gave-up' });
  });
});
