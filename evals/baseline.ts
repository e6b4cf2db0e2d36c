// The committed baseline (evals/baseline.json): per provider, the solved share and the ids of the cases
// it solved. A run fails when the share drops below it or a case it solved is no longer solved; a change
// that improves the score rewrites it in the same commit (`joinery eval --update-baseline`).

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as z from 'zod';
import { JoineryError } from '../core/errors.ts';
import type { EvalRun } from './run-evals.ts';

const entrySchema = z.strictObject({
  model: z.string(),
  cases: z.number().int().min(0),
  /** Rounded to 4 decimals; compared at that precision. */
  solvedShare: z.number().min(0).max(1),
  solved: z.array(z.string()),
});

const baselineSchema = z.strictObject({
  description: z.string().optional(),
  providers: z.record(z.string(), entrySchema),
});

export type BaselineEntry = z.infer<typeof entrySchema>;
export type Baseline = z.infer<typeof baselineSchema>;

export interface BaselineComparison {
  provider: string;
  baselineShare: number;
  currentShare: number;
  /** False when only part of the cases ran (--only): a share over a subset says nothing. */
  shareCompared: boolean;
  shareDropped: boolean;
  /** Solved in the baseline, run now, not solved now. */
  regressions: string[];
  /** Solved now, not in the baseline: update the baseline to keep them. */
  newlySolved: string[];
  /** Solved in the baseline but not among the cases run. */
  notRun: string[];
  failed: boolean;
}

const DESCRIPTION = 'Written by `joinery eval --update-baseline`: per provider, the solved share and the cases solved. CI fails when a run solves a smaller share or loses a case listed here.';

export function roundShare(share: number): number {
  return Math.round(share * 10_000) / 10_000;
}

/** undefined when the file does not exist; throws INVALID_INPUT when it exists but is malformed. */
export function readBaseline(path: string): Baseline | undefined {
  if (!existsSync(path)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new JoineryError('INVALID_INPUT', `the baseline ${path} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = baselineSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new JoineryError('INVALID_INPUT', `the baseline ${path}: $${issue.path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${String(segment)}`)).join('')}: ${issue.message}`);
  }
  return parsed.data;
}

export function baselineEntryOf(run: EvalRun): BaselineEntry {
  return {
    model: run.model,
    cases: run.totals.cases,
    solvedShare: roundShare(run.totals.solvedShare),
    solved: run.cases.filter((score) => score.solved).map((score) => score.id).sort(),
  };
}

/** The baseline with this run's provider entry replaced; other providers are kept. */
export function updateBaseline(path: string, run: EvalRun): Baseline {
  const current = readBaseline(path);
  const baseline: Baseline = { description: DESCRIPTION, providers: { ...current?.providers, [run.provider]: baselineEntryOf(run) } };
  writeFileSync(path, `${JSON.stringify(baseline, null, 2)}\n`);
  return baseline;
}

export function compareToBaseline({ run, entry, partial = false }: { run: EvalRun; entry: BaselineEntry; partial?: boolean }): BaselineComparison {
  const scoreOf = new Map(run.cases.map((score) => [score.id, score]));
  const baselineSolved = new Set(entry.solved);
  const regressions = entry.solved.filter((id) => scoreOf.has(id) && !scoreOf.get(id)!.solved);
  const notRun = entry.solved.filter((id) => !scoreOf.has(id));
  const newlySolved = run.cases.filter((score) => score.solved && !baselineSolved.has(score.id)).map((score) => score.id);
  const currentShare = roundShare(run.totals.solvedShare);
  const shareDropped = !partial && currentShare < entry.solvedShare;
  return {
    provider: run.provider,
    baselineShare: entry.solvedShare,
    currentShare,
    shareCompared: !partial,
    shareDropped,
    regressions,
    newlySolved,
    notRun,
    failed: shareDropped || regressions.length > 0,
  };
}
