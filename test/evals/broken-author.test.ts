// The question the eval answers on every change: does the author still turn real requirements into
// correct functions? A deliberately broken author must make the eval fail on the project's username
// cases, whether its own fixtures notice the damage (it then gives up) or not (it then claims success,
// and only the hidden fixtures catch it).

import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createOfflineModel, loadTemplates, type ModelClient, type ModelRequest } from '../../agent/index.ts';
import { baselineEntryOf, compareToBaseline, createModelAuthor, loadCases, PROJECT_CASES_DIR, runEvals, type EvalRun } from '../../evals/index.ts';
import { createRealToolchain } from '../helpers/real-toolchain.ts';

// Two full runs of the username cases and one of a single case through the real pipeline: slow on a loaded
// 2-core machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const templates = loadTemplates(fileURLToPath(new URL('../../templates', import.meta.url)));
const { cases } = loadCases({ path: join(PROJECT_CASES_DIR, 'username.json') });
const toolchain = createRealToolchain();
afterAll(() => toolchain.close());

/** The username template's clash number, as the offline author instantiates it. */
const CLASH_SUFFIX = /const suffix = number === undefined \? '' : [^;]+;/;

/** Wraps the offline model so that the function it writes never appends the clash number. */
function dropClashNumbering(model: ModelClient, { alsoFromOwnFixtures }: { alsoFromOwnFixtures: boolean }): ModelClient {
  return {
    ...model,
    async complete(request: ModelRequest, options) {
      const response = await model.complete(request, options);
      const content = response.content.map((block) => {
        if (block.type !== 'tool_use') return block;
        if (block.name === 'write_function') {
          const { source } = block.input as { source: string };
          if (!CLASH_SUFFIX.test(source)) throw new Error('the username template changed: update CLASH_SUFFIX so this test still breaks it');
          return { ...block, input: { source: source.replace(CLASH_SUFFIX, "const suffix = '';") } };
        }
        if (block.name === 'write_fixtures' && alsoFromOwnFixtures) {
          // Its own clash fixtures go too, so the broken function passes everything the author checks.
          const { fixtures } = block.input as { fixtures: Array<{ directory?: unknown }> };
          return { ...block, input: { fixtures: fixtures.filter((fixture) => fixture.directory === undefined) } };
        }
        return block;
      });
      return { ...response, content };
    },
  };
}

async function evaluate(model: ModelClient, only = cases): Promise<EvalRun> {
  return runEvals({ cases: only, author: createModelAuthor({ model, toolchain, templates }), toolchain });
}

describe('a broken author fails the eval on the project username cases', () => {
  let healthy: EvalRun;
  beforeAll(async () => {
    healthy = await evaluate(createOfflineModel({ templates }));
  });

  it('the healthy offline author solves some username cases (otherwise nothing could regress)', () => {
    const solved = healthy.cases.filter((score) => score.solved).map((score) => score.id);
    expect(solved).toContain('username-readme-example');
    expect(healthy.cases.filter((score) => score.outcome === 'wrong')).toEqual([]);
  });

  // An author that gives up retries first, which makes this the slowest run: it runs the README example
  // alone. That every solved case regresses, whichever fixtures catch the damage, is the next test's check
  // over the whole set (a case whose own fixtures miss the damage is finished as written and judged there).
  it('an author whose own fixtures catch the broken function gives up: the case regresses', async () => {
    const readmeOnly = cases.filter((evalCase) => evalCase.id === 'username-readme-example');
    const broken = await evaluate(dropClashNumbering(createOfflineModel({ templates }), { alsoFromOwnFixtures: false }), readmeOnly);
    expect(broken.cases.map((score) => score.id)).toEqual(['username-readme-example']);
    const comparison = compareToBaseline({ run: broken, entry: baselineEntryOf(healthy) });
    expect(comparison.failed).toBe(true);
    expect(comparison.shareDropped).toBe(true);
    expect(comparison.regressions).toEqual(['username-readme-example']);
    expect(broken.cases.find((score) => score.id === 'username-readme-example')).toMatchObject({ outcome: 'unfinished', author: { ok: false } });
  });

  it('an author that also drops its own clash fixtures claims success; the hidden fixtures still catch it: every solved case regresses', async () => {
    const broken = await evaluate(dropClashNumbering(createOfflineModel({ templates }), { alsoFromOwnFixtures: true }));
    const readme = broken.cases.find((score) => score.id === 'username-readme-example')!;
    expect(readme).toMatchObject({ outcome: 'wrong', solved: false, author: { ok: true, stop: 'finished' } });
    expect(readme.failed.map((failure) => failure.test)).toContain('taken: 1');
    expect(readme.hidden.passed).toBeGreaterThan(0);
    const comparison = compareToBaseline({ run: broken, entry: baselineEntryOf(healthy) });
    expect(comparison.failed).toBe(true);
    expect(comparison.shareDropped).toBe(true);
    expect(comparison.regressions).toEqual(baselineEntryOf(healthy).solved);
  });
});
