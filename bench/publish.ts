// Publish and execution-log latency on a file-backed database (`node --import tsx bench/publish.ts`).
// Peer: dependencies.md §7 measured a bare better-sqlite3 publish of a 22 KB bundle at 0.17 ms with
// synchronous=NORMAL and 0.29 ms with FULL, on the same 2-core machine class.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createSqliteRegistry, type PublishInput, type Registry } from '../core/registry/index.ts';
import { openDatabase } from '../core/store/index.ts';

const WARMUP = 20;
const SAMPLES = 400;

export async function benchPublish(): Promise<Record<string, number>> {
  const folder = mkdtempSync(join(tmpdir(), 'joinery-bench-publish-'));
  try {
    const full = measureRegistry(join(folder, 'full.db'), 'FULL');
    const normal = measureRegistry(join(folder, 'normal.db'), 'NORMAL');
    const figures = {
      bundleKb: Math.round(publishInput(0).bundle.length / 1024),
      publishP50Ms: full.publish.p50,
      publishP90Ms: full.publish.p90,
      publishPerSecond: full.publishPerSecond,
      recordExecutionP50Ms: full.recordExecution.p50,
      recordExecutionP90Ms: full.recordExecution.p90,
      publishNormalP50Ms: normal.publish.p50,
      publishNormalP90Ms: normal.publish.p90,
      publishNormalPerSecond: normal.publishPerSecond,
      recordExecutionNormalP50Ms: normal.recordExecution.p50,
    };
    console.log('publish (synchronous=FULL, the default), ~20 KB bundle, file-backed WAL database');
    console.log(`  publish p50 ${figures.publishP50Ms.toFixed(3)} ms, p90 ${figures.publishP90Ms.toFixed(3)} ms, ${Math.round(figures.publishPerSecond)} publishes/s`);
    console.log(`  recordExecution p50 ${figures.recordExecutionP50Ms.toFixed(3)} ms, p90 ${figures.recordExecutionP90Ms.toFixed(3)} ms (2 secrets redacted)`);
    console.log(`  with synchronous=NORMAL: publish p50 ${figures.publishNormalP50Ms.toFixed(3)} ms, p90 ${figures.publishNormalP90Ms.toFixed(3)} ms, ${Math.round(figures.publishNormalPerSecond)} publishes/s; recordExecution p50 ${figures.recordExecutionNormalP50Ms.toFixed(3)} ms`);
    console.log('  peer (dependencies.md §7, bare better-sqlite3 insert of a 22 KB version): NORMAL 0.17 ms, FULL 0.29 ms');
    return figures;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function measureRegistry(file: string, synchronous: 'FULL' | 'NORMAL') {
  const registry = createSqliteRegistry(openDatabase(file, { synchronous }));
  try {
    for (let index = 0; index < WARMUP; index++) registry.publish(publishInput(index));
    const publishTimes = sample(SAMPLES, (index) => registry.publish(publishInput(index)));
    const publishPerSecond = (SAMPLES * 1000) / publishTimes.reduce((total, time) => total + time, 0);
    const executionTimes = sample(SAMPLES, (index) => recordSampleExecution(registry, index));
    return { publish: percentiles(publishTimes), publishPerSecond, recordExecution: percentiles(executionTimes) };
  } finally {
    registry.close();
  }
}

function sample(count: number, action: (index: number) => unknown): number[] {
  const times: number[] = [];
  for (let index = 0; index < count; index++) {
    const start = performance.now();
    action(index);
    times.push(performance.now() - start);
  }
  return times;
}

function percentiles(times: number[]): { p50: number; p90: number } {
  const sorted = [...times].sort((left, right) => left - right);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;
  return { p50: at(0.5), p90: at(0.9) };
}

const BUNDLE = Array.from({ length: 400 }, (_, line) => `  var value${line} = normalize(person.lastName, ${line}); // padding\n`).join('');

function publishInput(index: number): PublishInput {
  const name = 'generate-username';
  return {
    name,
    source: `// revision ${index}\n${BUNDLE.slice(0, 4_000)}`,
    bundle: `(() => {\n${BUNDLE}})(); // ${index}\n`.slice(0, 20 * 1024),
    sourceMap: JSON.stringify({ version: 3, sources: ['fn.ts'], mappings: 'AAAA;'.repeat(2_000) }),
    manifest: { name, description: 'bench', trigger: 'user.joined', egress: ['graph.microsoft.com'], secrets: ['GRAPH_TOKEN'] },
    fixtures: Array.from({ length: 8 }, (_, fixture) => ({ name: `case ${fixture}`, input: { type: 'user.joined', id: `evt-${fixture}` } })),
    checkReport: { ok: true, diagnostics: [] },
    testReport: { passed: 8, failed: 0 },
    spec: 'first initial + last name',
    author: 'agent:functions-author',
    requestedBy: 'alice@example.com',
  };
}

function recordSampleExecution(registry: Registry, index: number) {
  return registry.recordExecution(
    {
      name: 'generate-username',
      version: 1,
      eventId: `evt-${index}`,
      input: { type: 'user.joined', id: `evt-${index}`, person: { firstName: 'John', lastName: 'Smith', department: 'Engineering' } },
      outcome: { kind: 'returned', value: { username: 'jsmith2', tap: 'redact-me-tap' } },
      logs: Array.from({ length: 5 }, (_, line) => ({ level: 'info' as const, message: `step ${line} token-abcdef`, atMs: line })),
      calls: [{ method: 'POST', url: 'https://graph.microsoft.com/v1.0/users/u1/authentication/temporaryAccessPassMethods', headers: { authorization: 'Bearer token-abcdef' }, body: '{"isUsableOnce":true}' }],
      durationMs: 3.2,
      caller: 'alice@example.com',
      dryRun: false,
    },
    { redact: ['token-abcdef', 'redact-me-tap'] },
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchPublish();
}
