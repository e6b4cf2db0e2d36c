// The fresh cases (evals/fresh): requirements written without looking at how the offline author reads
// sentences. They must be valid, many, apart from the project's cases, cover the traps of issue 12, and
// have hidden fixtures that are right: each case's reference solution passes all of them through the
// real checker and sandbox. Their baseline names only cases that exist.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTemplates } from '../../agent/index.ts';
import { createReferenceAuthor, FRESH_BASELINE_PATH, FRESH_CASES_DIR, loadCases, PROJECT_CASES_DIR, readBaseline, runEvals } from '../../evals/index.ts';
import { createRealToolchain } from '../helpers/real-toolchain.ts';

const templates = loadTemplates(fileURLToPath(new URL('../../templates', import.meta.url)));
const { cases } = loadCases({ path: FRESH_CASES_DIR });
const toolchain = createRealToolchain();
afterAll(() => toolchain.close());

/** Issue 12's traps, each a case of its own: a clause the author must not drop while reporting success. */
const TRAPS = [
  'fresh-username-initial-last-c-prefix',
  'fresh-username-first3-last5',
  'fresh-tap-monday-starters',
  'fresh-ticket-berlin-engineers-laptop',
  'fresh-notify-manager-email-sendgrid',
];

describe('the fresh eval cases', () => {
  it('hold at least 32 cases, all fresh-*, none shared with the project set, the traps included', () => {
    expect(cases.length).toBeGreaterThanOrEqual(32);
    expect(cases.filter((evalCase) => !evalCase.id.startsWith('fresh-')).map((evalCase) => evalCase.id)).toEqual([]);
    const projectIds = new Set(loadCases({ path: PROJECT_CASES_DIR }).cases.map((evalCase) => evalCase.id));
    expect(cases.filter((evalCase) => projectIds.has(evalCase.id)).map((evalCase) => evalCase.id)).toEqual([]);
    expect(TRAPS.filter((id) => !cases.some((evalCase) => evalCase.id === id))).toEqual([]);
    const families = new Set(cases.map((evalCase) => evalCase.family));
    for (const family of ['username', 'email', 'groups', 'apps', 'approvals', 'tap', 'ticket', 'hris-writeback', 'mover-groups', 'leaver-revoke', 'notify']) {
      expect(families.has(family), family).toBe(true);
    }
  });

  it('every case has a reference solution that passes all of its hidden fixtures', async () => {
    expect(cases.filter((evalCase) => evalCase.reference === undefined).map((evalCase) => evalCase.id)).toEqual([]);
    const run = await runEvals({ cases, author: createReferenceAuthor({ templates }), toolchain });
    const unsolved = run.cases.filter((score) => !score.solved).map((score) => ({ id: score.id, checkProblems: score.checkProblems, failed: score.failed }));
    expect(unsolved).toEqual([]);
  }, 120_000);

  it('the committed fresh baseline names only fresh cases and counts all of them', () => {
    expect(existsSync(FRESH_BASELINE_PATH)).toBe(true);
    const baseline = readBaseline(FRESH_BASELINE_PATH);
    const ids = new Set(cases.map((evalCase) => evalCase.id));
    for (const [provider, entry] of Object.entries(baseline?.providers ?? {})) {
      expect(entry.solved.filter((id) => !ids.has(id)), provider).toEqual([]);
      expect(entry.cases, provider).toBe(cases.length);
      expect(entry.solvedShare, provider).toBeCloseTo(entry.solved.length / entry.cases, 4);
    }
    expect(baseline?.providers.offline).toBeDefined();
  });
});
