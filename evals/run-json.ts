// The one JSON document `joinery eval --json` prints: per set (totals, families, the comparison with its
// own baseline) and across all sets (totals, families, every case's score with its set).

import type { SetRun } from './run-sets.ts';
import { totalsByFamily, totalsOf } from './summarize.ts';

export function runJson({ runs, ok, baselineUpdated }: { runs: SetRun[]; ok: boolean; baselineUpdated: boolean }) {
  const first = runs[0];
  const scores = runs.flatMap(({ set, run }) => run.cases.map((score) => ({ set, ...score })));
  return {
    ok,
    provider: first?.run.provider,
    model: first?.run.model,
    cases: runs.map((entry) => entry.source).join(', '),
    sets: runs.map(({ set, source, baselineFile, run, comparison }) => ({
      set,
      cases: source,
      baselineFile: baselineFile ?? null,
      totals: run.totals,
      families: run.families,
      baseline: comparison ?? null,
    })),
    totals: totalsOf(scores),
    families: totalsByFamily(scores),
    results: scores,
    // One set: its comparison, as before there were sets; several: null here, each set's in sets[].baseline.
    baseline: runs.length === 1 ? (first?.comparison ?? null) : null,
    baselineUpdated,
  };
}
