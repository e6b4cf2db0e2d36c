// Authoring wall time per rule family with the offline author: one requirement per family (the first
// eval case the offline author solves), through the whole loop and pipeline. No model is involved.

import { fileURLToPath } from 'node:url';
import { authorFunction, createOfflineModel, loadTemplates } from '../agent/index.ts';
import { createTypeChecker } from '../core/build/index.ts';
import { loadCases, PROJECT_CASES_DIR } from '../evals/index.ts';
import { createExecutor } from '../sandbox/index.ts';

export async function benchAuthor({ rounds = 3 }: { rounds?: number } = {}): Promise<Record<string, number>> {
  const templates = loadTemplates(fileURLToPath(new URL('../templates', import.meta.url)));
  const { cases } = loadCases({ path: PROJECT_CASES_DIR });
  const toolchain = { checker: createTypeChecker(), runner: createExecutor({ concurrency: 2 }), allowedPackages: [] };
  const figures: Record<string, number> = {};
  try {
    const families = [...new Set(cases.map((evalCase) => evalCase.family))].sort();
    for (const family of families) {
      const samples: number[] = [];
      for (const evalCase of cases.filter((candidate) => candidate.family === family && candidate.offline !== false)) {
        const started = performance.now();
        const result = await authorFunction({ requirement: evalCase.requirement, model: createOfflineModel({ templates }), toolchain, templates });
        if (!result.ok) continue;
        samples.push(performance.now() - started);
        for (let round = 1; round < rounds; round++) {
          const again = performance.now();
          await authorFunction({ requirement: evalCase.requirement, model: createOfflineModel({ templates }), toolchain, templates });
          samples.push(performance.now() - again);
        }
        break;
      }
      if (samples.length === 0) continue;
      samples.sort((a, b) => a - b);
      figures[`${family}.p50Ms`] = samples[Math.floor(samples.length / 2)]!;
      console.log(`author ${family.padEnd(15)} p50 ${figures[`${family}.p50Ms`]!.toFixed(0)} ms over ${samples.length} runs (2 turns, 0 tokens)`);
    }
  } finally {
    await toolchain.checker.close();
    await toolchain.runner.close();
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchAuthor();
