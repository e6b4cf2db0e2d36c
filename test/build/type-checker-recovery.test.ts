// The checker survives its compiler: a tsgo process that dies (killed, crashed) is replaced and the check
// retried once, on a fresh worker; the dead one is reaped. Closing ends everything and later checks reject.

import { execFileSync } from 'node:child_process';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTypeChecker } from '../../core/build/index.ts';
import { createTs7TypeChecker } from '../../core/build/ts7/index.ts';

const BROKEN = 'const n: number = "x";\nexport default n;';

/** Pids of the tsgo processes this test process started, live or not yet reaped. */
function allCompilerProcesses(): number[] {
  const listing = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  return listing
    .split('\n')
    .filter((line) => line.includes('--api') || line.includes('[tsc]'))
    .map((line) => Number.parseInt(line.trim(), 10));
}

// Test files share their worker process (vitest.config.ts), so a checker an earlier file keeps open may own
// a compiler too: each test looks only at the compilers started since it began.
let earlier = new Set<number>();
beforeEach(() => {
  earlier = new Set(allCompilerProcesses());
});
const compilerProcesses = () => allCompilerProcesses().filter((pid) => !earlier.has(pid));

describe.skipIf(process.platform === 'win32')('createTypeChecker', () => {
  it('replaces a compiler process that was killed and keeps checking; closing leaves no compiler', async () => {
    const checker = createTypeChecker();
    try {
      expect((await checker.check(BROKEN)).diagnostics[0]?.code).toBe(2322);
      const [pid] = compilerProcesses();
      expect(pid).toBeGreaterThan(0);
      process.kill(pid ?? 0, 'SIGKILL');
      const report = await checker.check(BROKEN);
      expect(report.diagnostics.map(({ line, column, code }) => ({ line, column, code }))).toEqual([
        { line: 1, column: 7, code: 2322 },
        { line: 2, column: 1, code: 2322 },
      ]);
      expect(compilerProcesses()).not.toContain(pid);
    } finally {
      await checker.close();
    }
    expect(compilerProcesses()).toEqual([]);
    await expect(checker.check(BROKEN)).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/closed/) });
    await checker.close(); // idempotent
  });
});

describe('createTs7TypeChecker (on the calling thread)', () => {
  it('throws INTERNAL once closed, so its owner has something to replace', () => {
    const plain = createTs7TypeChecker();
    plain.close();
    plain.close();
    expect(() => plain.check('export default 1;')).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
  });

  it.skipIf(process.platform === 'win32')('fails a check whose compiler died, then closes without throwing and reaps it', async () => {
    const plain = createTs7TypeChecker();
    process.kill(plain.processId ?? 0, 'SIGKILL');
    expect(() => plain.check(BROKEN)).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
    expect(() => plain.close()).not.toThrow();
    await plain.exited;
    expect(compilerProcesses()).not.toContain(plain.processId);
  });
});
