// Fixture-suite wall time: ten fixtures of the username template through a SandboxRunner, bundled once
// (bundling is measured by bench/bundle.ts). Peer: dependencies.md §2, a cold isolated-vm run with a host
// callback costs ≈2.75 ms p50, so ten one-isolate-per-run tests should take ≈30 ms plus host round trips.

import { readFileSync } from 'node:fs';
import { bundleFunction } from '../core/build/index.ts';
import type { SandboxRunner } from '../core/execution/types.ts';
import { parseFixtureFile, runFixtures, type FixtureTest } from '../core/fixtures/index.ts';

const TEMPLATE = new URL('../templates/username/', import.meta.url);
const SUITE_SIZE = 10;

export async function benchFixtures({
  runner,
  rounds = 20,
}: {
  runner: SandboxRunner;
  rounds?: number;
}): Promise<Record<string, number>> {
  const { bundle, sourceMap } = await bundleTemplate();
  const tests = loadTests().slice(0, SUITE_SIZE);
  const runSuite = async (): Promise<number> => {
    const startedAt = performance.now();
    const report = await runFixtures({ bundle, sourceMap, tests, runner });
    if (report.failed > 0) throw new Error(`the benchmark suite must pass; ${report.failed} of ${tests.length} failed`);
    return performance.now() - startedAt;
  };
  const coldMs = await runSuite();
  const samples: number[] = [];
  for (let round = 0; round < rounds; round += 1) samples.push(await runSuite());
  samples.sort((left, right) => left - right);
  const figures = {
    suite10ColdMs: coldMs,
    suite10P50Ms: percentile(samples, 0.5),
    suite10P90Ms: percentile(samples, 0.9),
    perTestP50Ms: percentile(samples, 0.5) / tests.length,
  };
  const milliseconds = (value: number): string => `${value.toFixed(1)} ms`;
  console.log(`fixtures: ${tests.length}-test suite, ${rounds} rounds after one cold run`);
  console.log(`  cold ${milliseconds(coldMs)}, p50 ${milliseconds(figures.suite10P50Ms)}, p90 ${milliseconds(figures.suite10P90Ms)}`);
  console.log('  peer: 10 cold isolated-vm runs with a host callback ≈ 27.5 ms (dependencies.md §2)');
  return figures;
}

function loadTests(): FixtureTest[] {
  const parsed = parseFixtureFile(readFileSync(new URL('username.fixtures.json', TEMPLATE), 'utf8'));
  if (!parsed.ok) throw new Error(`the username fixtures do not parse: ${parsed.errors[0]?.path} ${parsed.errors[0]?.message}`);
  return parsed.tests;
}

async function bundleTemplate(): Promise<{ bundle: string; sourceMap: string }> {
  const result = await bundleFunction(readFileSync(new URL('username.ts', TEMPLATE), 'utf8'), { allowedPackages: [] });
  if (!result.ok) throw new Error(`the username template does not bundle: ${result.errors[0]?.message}`);
  return { bundle: result.bundle, sourceMap: result.sourceMap };
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
}
