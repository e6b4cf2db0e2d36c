import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CHECK_LIMITS, createTypeChecker, formatDiagnostic, type TypeChecker } from '../../core/build/index.ts';
import { RUN_BODY_FIRST_LINE, functionSource } from './function-source.ts';
import { NAUGHTY_STRINGS } from '../helpers/naughty-strings.ts';

let checker: TypeChecker;
beforeAll(() => {
  checker = createTypeChecker();
});
afterAll(() => checker.close());

const codesOf = async (source: string) => (await checker.check(source)).diagnostics.map((diagnostic) => diagnostic.code);

describe('type errors', () => {
  it('reports line:column exactly, in the stable format', async () => {
    const source = functionSource({ runBody: '    const username: string = 42;\n    return { username };' });
    const report = await checker.check(source);
    expect(report.ok).toBe(false);
    expect(report.diagnostics).toEqual([
      { line: RUN_BODY_FIRST_LINE, column: 11, code: 2322, message: "Type 'number' is not assignable to type 'string'." },
    ]);
    expect(formatDiagnostic(report.diagnostics[0]!)).toBe("5:11 Type 'number' is not assignable to type 'string'. (TS2322)");
    expect(report.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('accepts a correct function', async () => {
    expect((await checker.check(functionSource())).diagnostics).toEqual([]);
    expect((await checker.check(functionSource())).ok).toBe(true);
  });

  it('counts columns in UTF-16 code units after non-ASCII text and emoji, across CRLF lines', async () => {
    const runBody = "    const label = 'Zoë 😀 Ñandú';\r\n    const wrong: number = label; const alsoWrong: boolean = 'x';";
    const report = await checker.check(functionSource({ runBody }));
    expect(report.diagnostics.map(({ line, column, code }) => ({ line, column, code }))).toEqual([
      { line: RUN_BODY_FIRST_LINE + 1, column: 11, code: 2322 },
      { line: RUN_BODY_FIRST_LINE + 1, column: 40, code: 2322 },
    ]);
    const sameLine = "    const s = '😀😀😀'; const n: number = s;";
    const [diagnostic] = (await checker.check(functionSource({ runBody: sameLine }))).diagnostics;
    expect(diagnostic).toMatchObject({ line: RUN_BODY_FIRST_LINE, column: sameLine.indexOf('n: number') + 1 });
  });

  it('flattens message chains into indented lines', async () => {
    const runBody = '    const person: { name: { first: string } } = { name: { first: 1 } };\n    return person;';
    const [diagnostic] = (await checker.check(functionSource({ runBody }))).diagnostics;
    expect(diagnostic?.code).toBe(2322);
    expect(diagnostic?.line).toBe(RUN_BODY_FIRST_LINE);
    const chained = "const value: { a: { b: string } } = null as unknown as { a: { b: number } };\nexport default value;";
    const [chain] = (await checker.check(chained)).diagnostics.filter((item) => item.code === 2322);
    expect(chain?.message.split('\n').length).toBeGreaterThan(1);
    expect(chain?.message.split('\n')[1]).toMatch(/^ {2}\S/);
  });

  it('reports syntax errors alone, with their position', async () => {
    const report = await checker.check('const x = ;\nexport default x;');
    expect(report.diagnostics).toEqual([{ line: 1, column: 11, code: 1109, message: 'Expression expected.' }]);
  });
});

describe('the sandbox scope', () => {
  it.each([
    ['process.env.HOME', 2591],
    ["require('fs')", 2591],
    ["Buffer.from('x')", 2591],
    ['__dirname', 2304],
    ['setTimeout(() => {}, 1)', 2304],
    ["fetch('https://example.com')", 2304],
    ['document.title', 2584],
    ['window.location', 2304],
  ])('rejects the host global in `%s`', async (expression, code) => {
    const runBody = `    const value = ${expression};\n    return { value };`;
    const [diagnostic] = (await checker.check(functionSource({ runBody }))).diagnostics;
    expect(diagnostic).toMatchObject({ line: RUN_BODY_FIRST_LINE, column: 19, code });
    expect(diagnostic?.message).not.toContain('npm i');
  });

  it('rejects Node modules with a sandbox hint rather than "install @types/node"', async () => {
    const source = `import { readFileSync } from 'node:fs';\n${functionSource()}`;
    const [diagnostic] = (await checker.check(source)).diagnostics;
    expect(diagnostic).toMatchObject({ line: 1, column: 30 });
    expect(diagnostic?.message).toMatch(/^Cannot find module 'node:fs'/);
  });

  it('accepts every sandbox global the contract lists', async () => {
    const runBody = [
      "    const url = new URL('/v1.0/users?top=5', 'https://graph.microsoft.com');",
      "    const params = new URLSearchParams({ a: '1' }); params.append('b', '2');",
      "    for (const [key, value] of params) console.log(key, value, url.searchParams.get('top'));",
      "    const bytes: Uint8Array = new TextEncoder().encode('Zoë');",
      "    const text: string = new TextDecoder('utf-8', { fatal: true }).decode(bytes);",
      '    const encoded: string = btoa(text); const decoded: string = atob(encoded);',
      '    const copy = structuredClone({ nested: [1, 2] }); copy.nested.push(3);',
      '    const id: string = crypto.randomUUID(); const random = crypto.getRandomValues(new Uint32Array(4));',
      "    console.info('done', random[0]); console.warn(id); console.error(decoded); console.debug(url.href);",
      '    return { id, ok: URL.canParse(url.href) };',
    ].join('\n');
    expect((await checker.check(functionSource({ runBody }))).diagnostics).toEqual([]);
  });

  it('rejects triple-slash references that would widen the scope, and never reads host files', async () => {
    const lib = (await checker.check(`/// <reference lib="dom" />\nexport default document;`)).diagnostics;
    expect(lib[0]).toMatchObject({ line: 1, code: 0 });
    expect(lib[0]?.message).toMatch(/Triple-slash reference/);
    const hostFile = fileURLToPath(new URL('./function-source.ts', import.meta.url));
    const path = await checker.check(`/// <reference path="${hostFile}" />\nconst n: number = RUN_BODY_FIRST_LINE;\nexport default n;`);
    expect(path.diagnostics.map((diagnostic) => diagnostic.code)).toContain(2304); // the host file's names stay unknown
  });
});

describe('the SDK types', () => {
  it('rejects a wrong trigger literal at the literal', async () => {
    const source = functionSource({ trigger: 'user.joind' });
    const [diagnostic] = (await checker.check(source)).diagnostics;
    const line = source.split('\n')[2]!;
    expect(diagnostic).toMatchObject({ line: 3, column: line.indexOf('trigger') + 1, code: 2820 });
    expect(diagnostic?.message).toContain('Did you mean \'"user.joined"\'?');
  });

  it('requires egress', async () => {
    const [diagnostic] = (await checker.check(functionSource({ egress: '' }))).diagnostics;
    expect(diagnostic).toMatchObject({ line: 2, column: 31, code: 2741 });
    expect(diagnostic?.message).toContain("Property 'egress' is missing");
  });

  it('types event.person.firstName as string', async () => {
    const runBody = '    const first: number = event.person.firstName;\n    return { first };';
    const [diagnostic] = (await checker.check(functionSource({ runBody }))).diagnostics;
    expect(diagnostic).toMatchObject({ line: RUN_BODY_FIRST_LINE, column: 11, code: 2322 });
    expect(diagnostic?.message).toBe("Type 'string' is not assignable to type 'number'.");
    expect(await codesOf(functionSource({ runBody: '    const first: string = event.person.firstName;\n    return { first };' }))).toEqual([]);
  });

  it('makes event.x a string with defineFunction<{ x: string }>', async () => {
    const typeArgument = '<{ requestedUsername: string }>';
    const good = '    const wanted: string = event.requestedUsername;\n    return { wanted };';
    expect(await codesOf(functionSource({ typeArgument, runBody: good }))).toEqual([]);
    const bad = '    const wanted: number = event.requestedUsername;\n    return { wanted };';
    expect((await checker.check(functionSource({ typeArgument, runBody: bad }))).diagnostics[0]?.message).toBe(
      "Type 'string' is not assignable to type 'number'.",
    );
    expect(await codesOf(functionSource({ runBody: good }))).toEqual([2339]); // without the type argument: no such property
  });

  it('types ctx: directory, http, secrets and log', async () => {
    const runBody = [
      "    const taken: boolean = await ctx.directory.isUsernameTaken('jsmith');",
      "    const response = await ctx.http.fetch('https://graph.microsoft.com/v1.0/me', { method: 'GET' });",
      "    const token: string = await ctx.secrets.get('GRAPH_TOKEN');",
      "    ctx.log.info('checked', { taken, status: response.status, hasToken: token.length > 0 });",
      '    return { taken };',
    ].join('\n');
    expect(await codesOf(functionSource({ runBody }))).toEqual([]);
    expect(await codesOf(functionSource({ runBody: "    const n: number = await ctx.secrets.get('X');\n    return n;" }))).toEqual([2322]);
  });

  it('requires a default export that is a function definition', async () => {
    expect((await checker.check('export const x = 1;')).diagnostics).toEqual([
      { line: 1, column: 1, code: 1192, message: 'fn.ts has no default export: end it with `export default defineFunction({ ... })`.' },
    ]);
    const [shape] = (await checker.check("const unused = 1;\n\n/** doc */ export default { name: 'x' };")).diagnostics;
    expect(shape).toMatchObject({ line: 3, column: 12, code: 2739 });
    expect(shape?.message).toMatch(/^The default export must be defineFunction/);
  });
});

describe('inputs at the edges', () => {
  it('checks an empty source: no default export, no crash', async () => {
    expect((await checker.check('')).diagnostics).toEqual([expect.objectContaining({ line: 1, column: 1, code: 2306 })]);
  });

  it('checks a source just inside the size and statement limits and finds the error on its last line', async () => {
    const filler = Array.from({ length: 4_990 }, (_, index) => `const value${index} = 'padding padding ${index}';`);
    const source = `${filler.join('\n')}\nconst wrong: number = 'x';\nexport default wrong;\n`;
    expect(source.length).toBeGreaterThan(200_000);
    expect(source.length).toBeLessThan(DEFAULT_CHECK_LIMITS.maxSourceBytes);
    const report = await checker.check(source);
    expect(report.diagnostics.map(({ line, column, code }) => ({ line, column, code }))).toEqual([
      { line: 4_991, column: 7, code: 2322 },
      { line: 4_992, column: 1, code: 2322 }, // the default export is no function definition
    ]);
  });

  it('keeps no state between checks: a fix clears the error, a new error shows up', async () => {
    const broken = functionSource({ runBody: '    const a: string = 1;\n    return a;' });
    const fixed = functionSource({ runBody: "    const a: string = '1';\n    return a;" });
    const otherwise = functionSource({ runBody: '\n    const b: boolean = 1;\n    return b;' });
    expect((await checker.check(broken)).diagnostics[0]).toMatchObject({ line: RUN_BODY_FIRST_LINE, code: 2322 });
    expect((await checker.check(fixed)).ok).toBe(true);
    expect((await checker.check(otherwise)).diagnostics).toEqual([
      { line: RUN_BODY_FIRST_LINE + 1, column: 11, code: 2322, message: "Type 'number' is not assignable to type 'boolean'." },
    ]);
    expect((await checker.check(broken)).diagnostics[0]).toMatchObject({ line: RUN_BODY_FIRST_LINE, code: 2322 });
  });

  it('handles every naughty string as a literal, with positions right after it', async () => {
    const naughty = NAUGHTY_STRINGS;
    // U+2028 and U+2029 end a line for TypeScript (and tsc's positions): keep each literal on its line.
    const literal = (text: string) => JSON.stringify(text).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
    const lines = naughty.map((text, index) => `const s${index}: string = ${literal(text)}; const n${index}: number = s${index};`);
    const report = await checker.check(`${lines.join('\n')}\nexport default 1 as unknown as import('@joinery/sdk').FunctionDefinition;\n`);
    expect(report.diagnostics).toHaveLength(naughty.length);
    report.diagnostics.forEach((diagnostic, index) => {
      expect({ line: diagnostic.line, column: diagnostic.column }).toEqual({ line: index + 1, column: lines[index]!.indexOf(`n${index}:`) + 1 });
    });
  });

  it('rejects a non-string source as bad input', async () => {
    await expect(checker.check(42 as unknown as string)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('options', () => {
  it('adds extra declarations; rejects invalid names at creation and invalid declarations at the first check', async () => {
    const vendor = createTypeChecker({ extraDeclarations: { 'vendor.d.ts': 'declare const VENDOR_REGION: string;' } });
    try {
      expect((await vendor.check('const r: string = VENDOR_REGION;\nexport default r;')).diagnostics.map((d) => d.code)).toEqual([2322]);
    } finally {
      await vendor.close();
    }
    const broken = createTypeChecker({ extraDeclarations: { 'broken.d.ts': 'declare const x: NoSuchType;' } });
    try {
      await expect(broken.check('export default 1;')).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/NoSuchType/) });
    } finally {
      await broken.close();
    }
    expect(() => createTypeChecker({ extraDeclarations: { '../escape.d.ts': '' } })).toThrow(/must be a file name/);
  });

  it('type-checks imports of allowlisted packages against their own declarations', async () => {
    const withZod = createTypeChecker({ allowedPackages: ['zod'] });
    try {
      const source = [
        "import { z } from 'zod';",
        "import { defineFunction } from '@joinery/sdk';",
        'const Input = z.object({ costCenter: z.string() });',
        "export default defineFunction({ name: 'z', description: 'z', trigger: 'manual', egress: [], secrets: [],",
        '  async run(event) { const parsed: number = Input.parse(event.person).costCenter; return parsed; } });',
      ].join('\n');
      expect((await withZod.check(source)).diagnostics).toEqual([expect.objectContaining({ line: 5, column: 28, code: 2322 })]);
      expect((await checker.check(source)).diagnostics[0]).toMatchObject({ line: 1, column: 19, code: 2307 }); // not allowed here
      expect((await withZod.check("import x from 'zod/../../../package.json';\nexport default x;")).diagnostics[0]?.code).toBe(2307);
    } finally {
      await withZod.close();
    }
    expect(() => createTypeChecker({ allowedPackages: ['../..'] })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});
