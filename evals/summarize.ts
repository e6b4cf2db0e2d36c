// Totals over scored cases: for the whole run and for each family.

import type { CaseScore } from './score.ts';

export interface ScoreTotals {
  cases: number;
  solved: number;
  /** solved / cases. */
  solvedShare: number;
  /** The mean over cases of the share of hidden fixtures passed. */
  fixtureShare: number;
  wrong: number;
  unfinished: number;
  noFunction: number;
  turns: number;
  tokens: number;
  costUsd: number;
  wallMs: number;
}

export interface FamilyTotals extends ScoreTotals {
  family: string;
}

export function totalsOf(scores: CaseScore[]): ScoreTotals {
  const count = (outcome: CaseScore['outcome']) => scores.filter((score) => score.outcome === outcome).length;
  const sum = (pick: (score: CaseScore) => number) => scores.reduce((total, score) => total + pick(score), 0);
  const solved = count('solved');
  return {
    cases: scores.length,
    solved,
    solvedShare: scores.length === 0 ? 0 : solved / scores.length,
    fixtureShare: scores.length === 0 ? 0 : sum((score) => score.hidden.share) / scores.length,
    wrong: count('wrong'),
    unfinished: count('unfinished'),
    noFunction: count('no-function'),
    turns: sum((score) => score.turns),
    tokens: sum((score) => score.tokens),
    costUsd: sum((score) => score.costUsd),
    wallMs: sum((score) => score.wallMs),
  };
}

/** Families in the order their first case appears. */
export function totalsByFamily(scores: CaseScore[]): FamilyTotals[] {
  const families = [...new Set(scores.map((score) => score.family))];
  return families.map((family) => ({ family, ...totalsOf(scores.filter((score) => score.family === family)) }));
}
