// The limits of a whole check (issue 9), through checkFunction: the source size is refused before any
// compiler runs, too many statements and a slow type-check or bundle stop the check, and each problem
// names its limit and figure. Also: a normal check right after a stopped one passes end to end.

import { afterAll, describe, expect, it } from 'vitest';
import { bundleFunction, type CheckReport, type TypeChecker } from '../../core/build/index.ts';
import { checkFunction, limitProblem, type Toolchain } from '../../core/pipeline/index.ts';
import { createRealToolchain } from '../helpers/real-toolchain.ts';
import { functionSource } from './function-source.ts';
import { hostileTypesSource } from '../helpers/hostile-types.ts';

const toolchain = createRealToolchain({ checkLimits: { typeCheckTimeoutMs: 1_500 } });
afterAll(() => toolchain.close());

/** The real checker, counting the sources it is given. */
function countingToolchain(): Toolchain & { checked: string[] } {
  const checked: string[] = [];
  const checker: TypeChecker = {
    check: (source) => {
      checked.push(source);
      return toolchain.checker.check(source);
    },
    close: async () => undefined,
  };
  return { ...toolchain, checker, checked };
}

/** A checker that finds nothing wrong, so a check goes straight on to the bundler. */
const acceptingChecker: TypeChecker = {
  check: async (): Promise<CheckReport> => ({ ok: true, diagnostics: [], durationMs: 0 }),
  close: async () => undefined,
};

describe('maxSourceBytes (256 KB)', () => {
  it.each([
    ['ASCII', 'x', 262_145],
    ['4-byte UTF-8', '😀', 65_537], // 131,074 UTF-16 units, 262,148 bytes: the limit counts bytes
  ])('refuses a source one character over in %s, before any compiler runs', async (_name, character, count) => {
    const source = `${functionSource()}// ${character.repeat(count)}\n`;
    const bytes = Buffer.byteLength(source, 'utf8');
    const counting = countingToolchain();
    const result = await checkFunction({ source, toolchain: counting });
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      { stage: 'limits', limit: 'maxSourceBytes', text: `fn.ts is ${bytes.toLocaleString('en-US')} bytes; the limit is 262,144 bytes (256 KB); make the function smaller` },
    ]);
    expect(counting.checked).toEqual([]);
    expect(limitProblem(result)?.limit).toBe('maxSourceBytes');
  });

  it('checks a source just under the limit', async () => {
    const source = functionSource();
    const padded = `${source}// ${'x'.repeat(262_144 - Buffer.byteLength(source) - 4)}\n`;
    expect(Buffer.byteLength(padded)).toBe(262_144);
    expect((await checkFunction({ source: padded, toolchain })).ok).toBe(true);
  });
});

describe('maxStatements (5,000)', () => {
  it('refuses a file with 5,001 statements, naming the count, and checks nothing further', async () => {
    const constants = Array.from({ length: 5_000 }, (_, index) => `const value${index} = ${index};`);
    const result = await checkFunction({ source: `${constants.join('\n')}\nexport default value0;\n`, toolchain });
    expect(result.problems).toEqual([
      { stage: 'limits', limit: 'maxStatements', text: 'fn.ts has 5,001 statements; the limit is 5,000; make the function smaller' },
    ]);
    expect(result.bundle).toBeUndefined();
  });
});

describe('typeCheckTimeoutMs', () => {
  it('stops the hostile function at the limit with a problem that names it, then checks a normal function end to end', async () => {
    const stopped = await checkFunction({ source: hostileTypesSource(), toolchain });
    expect(stopped.ok).toBe(false);
    expect(stopped.bundle).toBeUndefined();
    expect(stopped.problems).toEqual([
      {
        stage: 'type-check',
        limit: 'typeCheckTimeoutMs',
        text: 'type-check stopped after 1500 ms (the limit, typeCheckTimeoutMs in config.json); simplify the types',
      },
    ]);
    const normal = await checkFunction({ source: functionSource(), toolchain });
    expect(normal.problems).toEqual([]);
    expect(normal.manifest?.name).toBe('generate-username');
  });
});

describe('bundleTimeoutMs', () => {
  // 8,000 calls (about 220 KB): esbuild parses and prints them in a few milliseconds, never within 1 ms.
  const busy = `${functionSource()}${Array.from({ length: 8_000 }, (_, index) => `globalThis.toString(${index});`).join('\n')}\n`;

  it('stops a bundle past the limit and names it', async () => {
    expect(await bundleFunction(busy, { timeoutMs: 1 })).toEqual({ ok: false, errors: [], limit: { limit: 'bundleTimeoutMs', limitMs: 1 } });
    const result = await checkFunction({ source: busy, toolchain: { ...toolchain, checker: acceptingChecker, checkLimits: { bundleTimeoutMs: 1 } } });
    expect(result.problems).toEqual([
      { stage: 'bundle', limit: 'bundleTimeoutMs', text: 'bundling stopped after 1 ms (the limit, bundleTimeoutMs in config.json); simplify the code' },
    ]);
  });

  it('leaves esbuild working after builds stopped at the limit, and refuses a limit that is not a positive number', async () => {
    // esbuild 0.28.2's service dies (every later build fails) if a context is disposed while it builds.
    for (let round = 0; round < 15; round += 1) {
      const stopped = await Promise.all([bundleFunction(busy, { timeoutMs: 1 }), bundleFunction(busy, { timeoutMs: 1 + round })]);
      expect(stopped[0].ok).toBe(false);
      expect((await bundleFunction(busy)).ok).toBe(true);
    }
    await expect(bundleFunction(busy, { timeoutMs: 0 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
