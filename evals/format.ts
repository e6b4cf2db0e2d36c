// Small renderings shared by the markdown report and the terminal table.

import type { CaseScore } from './score.ts';

export function percent(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}

export function seconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(1)} s`;
}

export function dollars(costUsd: number): string {
  return `$${costUsd.toFixed(4)}`;
}

export function fixtureCell(score: CaseScore): string {
  return `${score.hidden.passed}/${score.hidden.total}`;
}

/** The first line of a long reason, cut to `limit` characters. */
export function shortReason(reason: string, limit = 100): string {
  const line = reason.split('\n').find((text) => text.trim() !== '')?.trim() ?? '';
  return line.length > limit ? `${line.slice(0, limit - 1)}…` : line;
}
