// Which case sets a run scores, and where the project's sets live: the options that cannot go together
// are refused with a message that says what to do, and the compiled CLI in a checkout uses the sources'
// evals/ folder, so `--update-baseline` rewrites the committed baselines and not dist/'s copies.

import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isJoineryError } from '../../core/errors.ts';
import { FRESH_BASELINE_PATH, FRESH_CASES_DIR, PROJECT_BASELINE_PATH, PROJECT_CASES_DIR, projectEvalsFolder, resolveCaseSets } from '../../evals/index.ts';

function refusal(options: Parameters<typeof resolveCaseSets>[0]): string {
  try {
    resolveCaseSets(options);
  } catch (error) {
    if (isJoineryError(error) && error.code === 'INVALID_INPUT') return error.message;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('resolving the case sets of a run', () => {
  it('scores both project sets by default, each with its own baseline', () => {
    expect(resolveCaseSets({})).toEqual([
      { name: 'project', casesPath: PROJECT_CASES_DIR, baselinePath: PROJECT_BASELINE_PATH },
      { name: 'fresh', casesPath: FRESH_CASES_DIR, baselinePath: FRESH_BASELINE_PATH },
    ]);
    expect(resolveCaseSets({ set: 'all' })).toEqual(resolveCaseSets({}));
  });

  it('picks one set, optionally compared with another baseline file', () => {
    expect(resolveCaseSets({ set: 'fresh' })).toEqual([{ name: 'fresh', casesPath: FRESH_CASES_DIR, baselinePath: FRESH_BASELINE_PATH }]);
    expect(resolveCaseSets({ set: 'project', baseline: '/tmp/b.json' })).toEqual([
      { name: 'project', casesPath: PROJECT_CASES_DIR, baselinePath: '/tmp/b.json' },
    ]);
  });

  it('takes --cases as a set of its own, with a baseline only when one is named', () => {
    expect(resolveCaseSets({ cases: 'mine.json' })).toEqual([{ name: 'cases', casesPath: 'mine.json' }]);
    expect(resolveCaseSets({ cases: 'mine.json', baseline: 'b.json' })).toEqual([{ name: 'cases', casesPath: 'mine.json', baselinePath: 'b.json' }]);
  });

  it('refuses an unknown set, --set with --cases, and one --baseline for all sets', () => {
    expect(refusal({ set: 'frsh' })).toBe('unknown case set "frsh" for --set: use project, fresh, all');
    expect(refusal({ set: 'fresh', cases: 'mine.json' })).toContain('--set picks among the project\'s case sets; it does not go with --cases');
    expect(refusal({ baseline: 'b.json' })).toContain('--baseline names one file, but --set all has one baseline per set');
  });
});

describe('the project evals folder', () => {
  it('is the sources\' evals/ when the module runs from dist/evals/ in a checkout', () => {
    const root = mkdtempSync(join(tmpdir(), 'joinery-checkout-'));
    mkdirSync(join(root, 'evals', 'cases'), { recursive: true });
    mkdirSync(join(root, 'dist', 'evals'), { recursive: true });
    expect(projectEvalsFolder(join(root, 'dist', 'evals'))).toBe(join(root, 'evals'));
    expect(projectEvalsFolder(join(root, 'evals'))).toBe(join(root, 'evals'));
  });

  it('is the module\'s own folder where no sources sit beside dist/ (an installed package)', () => {
    const root = mkdtempSync(join(tmpdir(), 'joinery-package-'));
    mkdirSync(join(root, 'dist', 'evals', 'cases'), { recursive: true });
    expect(projectEvalsFolder(join(root, 'dist', 'evals'))).toBe(join(root, 'dist', 'evals'));
  });
});
