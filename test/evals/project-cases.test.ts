// The project's own cases: valid, covering every family, and with hidden fixtures that are right: each
// case's reference solution (a template with parameters, or a hand-written function) passes all of them
// through the real checker and sandbox. The committed baseline names only cases that exist.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTemplates } from '../../agent/index.ts';
import { createReferenceAuthor, loadCases, PROJECT_BASELINE_PATH, PROJECT_CASES_DIR, readBaseline, runEvals } from '../../evals/index.ts';
import { createRealToolchain } from '../helpers/real-toolchain.ts';

const FAMILIES = ['username', 'email', 'groups', 'apps', 'approvals', 'tap', 'hris-writeback', 'ticket', 'mover-groups', 'leaver-revoke', 'http-action'];
const templates = loadTemplates(fileURLToPath(new URL('../../templates', import.meta.url)));
const { cases } = loadCases({ path: PROJECT_CASES_DIR });
const toolchain = createRealToolchain();
afterAll(() => toolchain.close());

describe('the project eval cases', () => {
  it('hold at least 40 cases, 3 or more per family and more for username, email and groups', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const count = (family: string) => cases.filter((evalCase) => evalCase.family === family).length;
    for (const family of FAMILIES) expect(count(family), family).toBeGreaterThanOrEqual(3);
    for (const family of ['username', 'email', 'groups']) expect(count(family), family).toBeGreaterThan(3);
    expect(cases.every((evalCase) => FAMILIES.includes(evalCase.family))).toBe(true);
    expect(cases.filter((evalCase) => !evalCase.offline).length).toBeGreaterThanOrEqual(5);
  });

  it('every case has a reference solution that passes all of its hidden fixtures', async () => {
    expect(cases.filter((evalCase) => evalCase.reference === undefined).map((evalCase) => evalCase.id)).toEqual([]);
    const run = await runEvals({ cases, author: createReferenceAuthor({ templates }), toolchain });
    const unsolved = run.cases.filter((score) => !score.solved).map((score) => ({ id: score.id, checkProblems: score.checkProblems, failed: score.failed }));
    expect(unsolved).toEqual([]);
  }, 120_000);

  it('the committed baseline names only existing cases and counts all of them', () => {
    if (!existsSync(PROJECT_BASELINE_PATH)) return;
    const baseline = readBaseline(PROJECT_BASELINE_PATH)!;
    const ids = new Set(cases.map((evalCase) => evalCase.id));
    for (const [provider, entry] of Object.entries(baseline.providers)) {
      expect(entry.solved.filter((id) => !ids.has(id)), provider).toEqual([]);
      expect(entry.cases, provider).toBe(cases.length);
      expect(entry.solvedShare, provider).toBeCloseTo(entry.solved.length / entry.cases, 4);
    }
  });
});
