import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createResilientTypeChecker, createTs7TypeChecker, type CheckReport, type TypeChecker } from '../../core/build/index.ts';
import { JoineryError } from '../../core/errors.ts';

const BROKEN = 'const n: number = "x";\nexport default n;';

/** Pids of the tsgo processes this test process started (`tsc --api --cwd /joinery ...`). */
function compilerProcesses(): number[] {
  const listing = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  return listing
    .split('\n')
    .filter((line) => line.includes('--api') && line.includes('/joinery'))
    .map((line) => Number.parseInt(line.trim(), 10));
}

function countingFactory(create: () => TypeChecker) {
  const made: TypeChecker[] = [];
  return {
    made,
    create: () => {
      const checker = create();
      made.push(checker);
      return checker;
    },
  };
}

describe('createResilientTypeChecker', () => {
  it.skipIf(process.platform === 'win32')('replaces a compiler process that was killed, once, and keeps checking', () => {
    const factory = countingFactory(() => createTs7TypeChecker());
    const checker = createResilientTypeChecker({ create: factory.create });
    try {
      expect(checker.check(BROKEN).diagnostics[0]?.code).toBe(2322);
      const [pid] = compilerProcesses();
      expect(pid).toBeGreaterThan(0);
      process.kill(pid!, 'SIGKILL');
      const report = checker.check(BROKEN);
      expect(report.diagnostics.map(({ line, column, code }) => ({ line, column, code }))).toEqual([
        { line: 1, column: 7, code: 2322 },
        { line: 2, column: 1, code: 2322 },
      ]);
      expect(factory.made).toHaveLength(2);
      expect(compilerProcesses()).not.toContain(pid);
    } finally {
      checker.close();
    }
  });

  it('replaces a checker whose compiler was closed underneath it', () => {
    const factory = countingFactory(() => createTs7TypeChecker());
    const checker = createResilientTypeChecker({ create: factory.create });
    try {
      factory.made[0]!.close();
      expect(checker.check('export default 1 as unknown as import("@joinery/sdk").FunctionDefinition;').ok).toBe(true);
      expect(factory.made).toHaveLength(2);
    } finally {
      checker.close();
    }
    expect(() => checker.check(BROKEN)).toThrow(/closed/);
  });

  it('gives up with INTERNAL after one restart, and passes bad input straight through', () => {
    let attempts = 0;
    const failing: TypeChecker = {
      check: (source): CheckReport => {
        attempts += 1;
        if (source === 'bad input') throw new JoineryError('INVALID_INPUT', 'bad input');
        throw new Error('EPIPE: the compiler went away');
      },
      close: () => undefined,
    };
    const checker = createResilientTypeChecker({ create: () => failing });
    expect(() => checker.check('export default 1;')).toThrow(
      expect.objectContaining({ code: 'INTERNAL', message: expect.stringMatching(/after a restart: EPIPE/) }),
    );
    expect(attempts).toBe(2);
    expect(() => checker.check('bad input')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(attempts).toBe(3);
  });

  it('throws from the plain adapter once closed, so the wrapper has something to restart', () => {
    const plain = createTs7TypeChecker();
    plain.close();
    plain.close();
    expect(() => plain.check('export default 1;')).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
  });
});
