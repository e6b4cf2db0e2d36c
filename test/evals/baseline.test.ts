import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZERO_USAGE } from '../../agent/index.ts';
import { isJoineryError } from '../../core/errors.ts';
import { baselineEntryOf, compareToBaseline, readBaseline, roundShare, totalsByFamily, totalsOf, updateBaseline, type CaseScore, type EvalRun } from '../../evals/index.ts';

function score(id: string, solved: boolean): CaseScore {
  return {
    id,
    family: 'username',
    offline: true,
    outcome: solved ? 'solved' : 'no-function',
    solved,
    hidden: { passed: solved ? 1 : 0, total: 1, share: solved ? 1 : 0 },
    author: { ok: solved, stop: solved ? 'finished' : 'gave-up', reason: '' },
    turns: 1,
    tokens: 0,
    usage: ZERO_USAGE,
    costUsd: 0,
    wallMs: 1,
    checkProblems: [],
    failed: [],
  };
}

function runOf(solvedById: Record<string, boolean>, provider = 'offline'): EvalRun {
  const cases = Object.entries(solvedById).map(([id, solved]) => score(id, solved));
  return { provider, model: `${provider}-model`, totals: totalsOf(cases), families: totalsByFamily(cases), cases };
}

describe('comparing a run with the baseline', () => {
  const entry = { model: 'offline-model', cases: 4, solvedShare: 0.5, solved: ['a', 'b'] };

  it('passes when every baseline case is still solved and the share holds', () => {
    const comparison = compareToBaseline({ run: runOf({ a: true, b: true, c: false, d: false }), entry });
    expect(comparison).toMatchObject({ failed: false, regressions: [], newlySolved: [], shareDropped: false, currentShare: 0.5, baselineShare: 0.5 });
  });

  it('names the regressions: cases the baseline solved that are not solved now', () => {
    const comparison = compareToBaseline({ run: runOf({ a: false, b: true, c: true, d: false }), entry });
    expect(comparison).toMatchObject({ failed: true, regressions: ['a'], newlySolved: ['c'], shareDropped: false });
  });

  it('detects a drop of the solved share even without a named regression', () => {
    // A case was added that nobody solves: the same cases pass, but a smaller share of the suite.
    const comparison = compareToBaseline({ run: runOf({ a: true, b: true, c: false, d: false, e: false }), entry });
    expect(comparison).toMatchObject({ failed: true, regressions: [], shareDropped: true, currentShare: 0.4 });
  });

  it('reports newly solved cases without failing, so the baseline can be raised', () => {
    const comparison = compareToBaseline({ run: runOf({ a: true, b: true, c: true, d: false }), entry });
    expect(comparison).toMatchObject({ failed: false, newlySolved: ['c'], currentShare: 0.75 });
  });

  it('on part of the cases (--only) compares regressions but not the share', () => {
    const comparison = compareToBaseline({ run: runOf({ c: false }), entry, partial: true });
    expect(comparison).toMatchObject({ failed: false, shareCompared: false, shareDropped: false, notRun: ['a', 'b'] });
    expect(compareToBaseline({ run: runOf({ a: false }), entry, partial: true })).toMatchObject({ failed: true, regressions: ['a'] });
  });

  it('compares shares at the 4 decimals the baseline stores', () => {
    // 13/53 = 0.245283... is stored as 0.2453; the same run must not count as a drop.
    const run = runOf(Object.fromEntries(Array.from({ length: 53 }, (_, index) => [`case-${index}`, index < 13])));
    const stored = baselineEntryOf(run);
    expect(stored.solvedShare).toBe(0.2453);
    expect(compareToBaseline({ run, entry: stored }).failed).toBe(false);
    expect(roundShare(2 / 3)).toBe(0.6667);
  });
});

describe('the baseline file', () => {
  const folder = mkdtempSync(join(tmpdir(), 'joinery-baseline-'));

  it('is written per provider, keeping the other providers, with the solved ids sorted', () => {
    const path = join(folder, 'baseline.json');
    updateBaseline(path, runOf({ b: true, a: true, c: false }, 'anthropic'));
    const baseline = updateBaseline(path, runOf({ b: true, a: false }, 'offline'));
    expect(baseline.providers).toEqual({
      anthropic: { model: 'anthropic-model', cases: 3, solvedShare: 0.6667, solved: ['a', 'b'] },
      offline: { model: 'offline-model', cases: 2, solvedShare: 0.5, solved: ['b'] },
    });
    expect(readBaseline(path)).toEqual(baseline);
    expect(readFileSync(path, 'utf8').endsWith('}\n')).toBe(true);
  });

  it('is optional, but a malformed one is an input error naming the field', () => {
    expect(readBaseline(join(folder, 'absent.json'))).toBeUndefined();
    const path = join(folder, 'bad.json');
    writeFileSync(path, JSON.stringify({ providers: { offline: { model: 'x', cases: 1, solvedShare: 2, solved: [] } } }));
    let message = '';
    try {
      readBaseline(path);
    } catch (error) {
      if (isJoineryError(error)) message = error.message;
    }
    expect(message).toContain('$.providers.offline.solvedShare');
  });
});
