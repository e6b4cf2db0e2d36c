// The type-checker's limits (issue 9): a check runs off the caller's event loop, stops at
// typeCheckTimeoutMs with the limit named, leaves no compiler process behind, and the next check works;
// a file with more statements than maxStatements is refused with its count before any type is checked.

import { execFileSync } from 'node:child_process';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createTypeChecker, type TypeChecker } from '../../core/build/index.ts';
import { functionSource } from './function-source.ts';
import { hostileTypesSource } from '../helpers/hostile-types.ts';

const TIME_LIMIT_MS = 1_500;
const opened: TypeChecker[] = [];
afterAll(async () => {
  for (const checker of opened) await checker.close();
});

function checkerWith(limits: { typeCheckTimeoutMs?: number; maxStatements?: number }): TypeChecker {
  const checker = createTypeChecker({ limits });
  opened.push(checker);
  return checker;
}

/** The tsgo processes this test process started, by pid, with their state (`Z` once dead but not reaped). */
function allCompilerProcesses(): Array<{ pid: number; state: string }> {
  const listing = execFileSync('ps', ['-o', 'pid=,stat=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  return listing
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([, , command, ...args]) => command !== undefined && (/typescript-[\w-]+\/lib\/tsc$/.test(command) || command === '[tsc]' || args.includes('--api')))
    .map(([pid = '0', state = '']) => ({ pid: Number(pid), state }));
}

// Test files share their worker process (vitest.config.ts), so a checker an earlier file keeps open may own
// a compiler too: each test looks only at the compilers started since it began.
let earlier = new Set<number>();
beforeEach(() => {
  earlier = new Set(allCompilerProcesses().map(({ pid }) => pid));
});
const compilerProcesses = () => allCompilerProcesses().filter(({ pid }) => !earlier.has(pid));

async function untilGone(pids: number[], timeoutMs = 10_000): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  let left = pids;
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const listed = new Set(compilerProcesses().map(({ pid }) => pid));
    left = pids.filter((pid) => listed.has(pid));
  }
  return left;
}

describe.skipIf(process.platform === 'win32')('typeCheckTimeoutMs', () => {
  it('stops the hostile function at the limit without blocking the event loop, reaps its compiler, and checks normally right after', async () => {
    const checker = checkerWith({ typeCheckTimeoutMs: TIME_LIMIT_MS });
    expect((await checker.check(functionSource())).ok).toBe(true);
    const before = compilerProcesses().map(({ pid }) => pid);
    expect(before).toHaveLength(1);

    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 20);
    const report = await checker.check(hostileTypesSource()).finally(() => clearInterval(ticker));
    expect(report).toMatchObject({ ok: false, diagnostics: [], limit: { limit: 'typeCheckTimeoutMs', limitMs: TIME_LIMIT_MS } });
    expect(report.durationMs).toBeGreaterThanOrEqual(TIME_LIMIT_MS - 1);
    expect(ticks).toBeGreaterThanOrEqual(10); // about 75 when the loop is free, 0 when the compiler blocks it

    // The compiler that ran the hostile check is killed and reaped (no zombie either); a fresh one answers.
    expect(await untilGone(before)).toEqual([]);
    const broken = functionSource({ runBody: '    const n: number = "x";\n    return { n };' });
    expect((await checker.check(broken)).diagnostics.map((diagnostic) => diagnostic.code)).toEqual([2322]);
    expect((await checker.check(functionSource())).ok).toBe(true);

    const current = compilerProcesses().map(({ pid }) => pid);
    await checker.close();
    expect(await untilGone(current)).toEqual([]);
  });

  it('answers checks queued behind a hostile one, each under its own limit', async () => {
    const checker = checkerWith({ typeCheckTimeoutMs: TIME_LIMIT_MS });
    const [hostile, normal] = await Promise.all([checker.check(hostileTypesSource()), checker.check(functionSource())]);
    expect(hostile.limit?.limit).toBe('typeCheckTimeoutMs');
    expect(normal).toMatchObject({ ok: true, diagnostics: [] });
    expect(normal.limit).toBeUndefined();
  });
});

describe('maxStatements', () => {
  it('refuses a file with more statements than the limit, naming the count, before checking its types', async () => {
    const checker = checkerWith({ maxStatements: 100 });
    const statements = Array.from({ length: 100 }, (_, index) => `const value${index}: number = 'not checked';`);
    const report = await checker.check(`${statements.join('\n')}\n${hostileTypesSource()}`);
    // 100 constants, the import, 2 + 40 type aliases, the default export, and run's block and return: 146.
    expect(report).toMatchObject({ ok: false, diagnostics: [], limit: { limit: 'maxStatements', statements: 146, maxStatements: 100 } });
    expect(report.durationMs).toBeLessThan(5_000);
  });

  it('counts nested statements and blocks, at any depth, without overflowing the stack', async () => {
    const checker = checkerWith({ maxStatements: 5_000 });
    const nested = `${'{'.repeat(6_000)}${'}'.repeat(6_000)}\nexport default 1;\n`;
    expect((await checker.check(nested)).limit).toEqual({ limit: 'maxStatements', statements: 6_001, maxStatements: 5_000 });
    const inFunction = `export default function run() {\n${'  if (Math.random()) {}\n'.repeat(2_600)}}\n`; // 2,600 ifs and their blocks
    expect((await checker.check(inFunction)).limit).toMatchObject({ limit: 'maxStatements', statements: 5_202 });
  });

  it('lets a file at the limit through to the type-checker', async () => {
    const checker = checkerWith({ maxStatements: 5_000 });
    const statements = Array.from({ length: 4_999 }, (_, index) => `const value${index} = ${index};`);
    const report = await checker.check(`${statements.join('\n')}\nexport default value1;\n`);
    expect(report.limit).toBeUndefined();
    expect(report.diagnostics.map((diagnostic) => diagnostic.code)).toEqual([2322]); // a number is no function definition
  });
});
