import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { BUNDLE_FOOTER, bundleFunction, formatBundleError, mapPosition, type BundleResult } from '../../core/build/index.ts';
import { RUN_BODY_FIRST_LINE, functionSource } from './function-source.ts';
import { NAUGHTY_STRINGS } from '../helpers/naughty-strings.ts';

async function errorsOf(source: string, allowedPackages: string[] = []): Promise<string[]> {
  const result = await bundleFunction(source, { allowedPackages });
  return result.ok ? [] : result.errors.map(formatBundleError);
}

function expectOk(result: BundleResult): Extract<BundleResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected a bundle, got ${result.errors.map(formatBundleError).join('; ')}`);
  return result;
}

/** Evaluates a bundle the way the sandbox does: as a script whose completion value must be undefined. */
function evaluate(bundle: string) {
  const context: { __handler?: { name: string; run: (event: unknown, ctx: unknown) => Promise<unknown> } } = {};
  const completion = runInNewContext(bundle, context, { filename: 'fn.js' });
  return { completion, handler: context.__handler };
}

const NOT_AVAILABLE = 'is not available in the sandbox; use ctx (directory, http, secrets, log) instead.';
const REQUIRE = 'require() is not available in the sandbox: use a static `import` at the top of the file.';
const DYNAMIC_IMPORT = 'Dynamic import() is not allowed: use a static `import` at the top of the file.';
const NO_DEFAULT = 'fn.ts:1:1 fn.ts has no default export: end it with `export default defineFunction({ ... })`.';

describe('bundleFunction', () => {
  it('bundles a function into an IIFE that sets __handler and completes with undefined', async () => {
    const result = expectOk(await bundleFunction(functionSource({ runBody: '    return { greeting: `hi ${event.person.firstName}` };' })));
    expect(result.bundle.trimEnd().endsWith(BUNDLE_FOOTER)).toBe(true);
    expect(BUNDLE_FOOTER).toBe('globalThis.__handler = __fn.default; void 0;');
    const { completion, handler } = evaluate(result.bundle);
    expect(completion).toBeUndefined();
    expect(handler?.name).toBe('generate-username');
    await expect(handler?.run({ person: { firstName: 'Zoë' } }, {})).resolves.toEqual({ greeting: 'hi Zoë' });
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    expect(JSON.parse(result.sourceMap)).toMatchObject({ version: 3, sources: expect.arrayContaining(['fn.ts']) });
  });

  it('bundles an allowlisted package (zod) and runs it', async () => {
    const source = [
      "import { z } from 'zod';",
      "import { defineFunction } from '@joinery/sdk';",
      'const Input = z.object({ costCenter: z.string().regex(/^CC-\\d+$/) });',
      "export default defineFunction({ name: 'cost-center', description: 'd', trigger: 'manual', egress: [], secrets: [],",
      '  async run(event: { person: unknown }) { return Input.parse(event.person); } });',
    ].join('\n');
    const result = expectOk(await bundleFunction(source, { allowedPackages: ['zod'] }));
    const sources: string[] = JSON.parse(result.sourceMap).sources;
    expect(sources.some((name) => name.startsWith('node_modules/zod/'))).toBe(true);
    expect(sources.every((name) => !name.startsWith('/') && !name.includes('..'))).toBe(true); // no host paths
    const { handler } = evaluate(result.bundle);
    await expect(handler?.run({ person: { costCenter: 'CC-12' } }, {})).resolves.toEqual({ costCenter: 'CC-12' });
    await expect(handler?.run({ person: { costCenter: 'nope' } }, {})).rejects.toThrow(/regex|pattern|Invalid/i);
  });

  it('rejects zod when it is not on the allowlist (the default is none)', async () => {
    expect(await errorsOf("import { z } from 'zod';\nexport default z;")).toEqual([
      'fn.ts:1:19 Package "zod" is not on the allowlist (no packages are allowed).',
    ]);
  });

  it('rejects Node builtins, with and without the node: prefix', async () => {
    const source = "import fs from 'fs';\nimport { spawn } from 'node:child_process';\nimport 'node:net';\nexport default [fs, spawn];";
    expect(await errorsOf(source)).toEqual([
      `fn.ts:1:16 Node module "fs" ${NOT_AVAILABLE}`,
      `fn.ts:2:23 Node module "node:child_process" ${NOT_AVAILABLE}`,
      `fn.ts:3:8 Node module "node:net" ${NOT_AVAILABLE}`,
    ]);
  });

  it('rejects relative and absolute imports, which would embed host files', async () => {
    const source = "import a from './other';\nimport b from '../../.env';\nimport c from '/etc/passwd';\nexport default [a, b, c];";
    const rule = 'is not allowed: a function is a single file that imports only @joinery/sdk and allowlisted packages.';
    expect(await errorsOf(source)).toEqual([
      `fn.ts:1:15 Import "./other" ${rule}`,
      `fn.ts:2:15 Import "../../.env" ${rule}`,
      `fn.ts:3:15 Import "/etc/passwd" ${rule}`,
    ]);
  });

  it('rejects packages off the allowlist and package paths that climb out of a package', async () => {
    const source = "import express from 'express';\nimport x from 'zod/../../package.json';\nimport { v } from '@scope/pkg';\nexport default [express, x, v];";
    expect(await errorsOf(source, ['zod'])).toEqual([
      'fn.ts:1:21 Package "express" is not on the allowlist (allowed: zod).',
      'fn.ts:2:15 "zod/../../package.json" is not a valid package import.',
      'fn.ts:3:19 Package "@scope/pkg" is not on the allowlist (allowed: zod).',
    ]);
  });

  it('rejects every form of require and dynamic import in the function, at the right column after emoji', async () => {
    const source = [
      "const label = '😀 Zoë'; const fs = require('fs');",
      "const name = 'fs'; const dynamic = require(name);",
      'const alias = require;',
      "const kind = typeof require; const where = require.resolve('zod');",
      'export default async () => [await import(name), await import("zod"), label, fs, dynamic, alias, kind, where];',
    ].join('\n');
    const lines = source.split('\n');
    const at = (line: number, text: string, nth = 0) => {
      let index = -1;
      for (let seen = 0; seen <= nth; seen += 1) index = lines[line - 1]!.indexOf(text, index + 1);
      return `fn.ts:${line}:${index + 1}`;
    };
    expect(at(1, "'fs'")).toBe('fn.ts:1:44'); // UTF-16 units: esbuild's byte column would be 47
    expect(await errorsOf(source, ['zod'])).toEqual([
      `${at(1, "'fs'")} ${REQUIRE}`, // a literal require is reported at its specifier, like an import
      `${at(2, 'require')} ${REQUIRE}`,
      `${at(3, 'require')} ${REQUIRE}`,
      `${at(4, 'require')} ${REQUIRE}`,
      `${at(5, 'import')} ${DYNAMIC_IMPORT}`,
      `${at(5, '"zod"')} ${DYNAMIC_IMPORT}`,
    ]);
    // require.resolve is neither resolved nor reported by esbuild; the __require backstop finds it.
    expect(await errorsOf("export const where = require.resolve('zod');\nexport default require.cache;")).toEqual([
      `fn.ts:1:22 ${REQUIRE}`,
      `fn.ts:2:16 ${REQUIRE}`,
    ]);
    expect(await errorsOf('export default import.meta.url;')).toEqual(['fn.ts:1:16 import.meta is not available in the sandbox.']);
  });

  it('does not mistake require or import() in strings, comments, templates or local bindings', async () => {
    const runBody = [
      "    // require('fs'); await import('child_process')",
      "    const text = \"require('fs') import('x') __require\"; /* require(name) */",
      "    const template = `${'require'}('fs') import(${1})`;",
      '    const local = (require: (id: string) => string) => require("fs");',
      '    const __require = 1;',
      '    return { text, template, local: local((id) => id), __require };',
    ].join('\n');
    const result = expectOk(await bundleFunction(functionSource({ runBody })));
    const { handler } = evaluate(result.bundle);
    await expect(handler?.run({}, {})).resolves.toMatchObject({ local: 'fs', __require: 1 });
  });

  it('keeps every naughty string intact and never reads one as an import', async () => {
    const naughty = NAUGHTY_STRINGS;
    const runBody = `    const strings: string[] = ${JSON.stringify(naughty)};\n    return strings;`;
    const result = expectOk(await bundleFunction(functionSource({ runBody })));
    await expect(evaluate(result.bundle).handler?.run({}, {})).resolves.toEqual(naughty);
  });

  it('reports a missing default export clearly', async () => {
    expect(await errorsOf('export const a = 1;')).toEqual([NO_DEFAULT]);
    expect(await errorsOf('')).toEqual([NO_DEFAULT]);
    expect(await errorsOf("import { defineFunction } from '@joinery/sdk';\nconst unused = defineFunction;")).toEqual([NO_DEFAULT]);
    expect(await errorsOf('export = { a: 1 };')).toEqual([NO_DEFAULT]);
  });

  it('reports syntax errors with their position', async () => {
    expect(await errorsOf('const x = ;\nexport default x;')).toEqual(['fn.ts:1:11 Unexpected ";"']);
  });

  it('rejects bad configuration as input errors', async () => {
    await expect(bundleFunction('export default 1;', { allowedPackages: ['../evil'] })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(bundleFunction('export default 1;', { allowedPackages: [], resolveDir: 'relative' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});

describe('mapPosition', () => {
  it('maps a thrown error in the bundle back to its line in fn.ts', async () => {
    const runBody = "    const who = event.person.firstName;\n    throw new Error(`no username for ${who}`);";
    const result = expectOk(await bundleFunction(functionSource({ runBody })));
    const { handler } = evaluate(result.bundle);
    const error: Error = await handler!.run({ person: { firstName: 'Zoë' } }, {}).then(
      () => new Error('did not throw'),
      (thrown: Error) => thrown,
    );
    const frame = /fn\.js:(\d+):(\d+)/.exec(error.stack ?? '');
    expect(frame).not.toBeNull();
    const position = mapPosition(result.sourceMap, Number(frame![1]), Number(frame![2]));
    expect(position).toEqual({ line: RUN_BODY_FIRST_LINE + 1, column: 11 });
  });

  it('answers undefined where nothing of fn.ts is mapped', async () => {
    const result = expectOk(await bundleFunction(functionSource()));
    const lines = result.bundle.split('\n');
    const footerLine = lines.findIndex((line) => line.startsWith('globalThis.__handler')) + 1;
    expect(mapPosition(result.sourceMap, footerLine, 1)).toBeUndefined();
    expect(mapPosition(result.sourceMap, 1, 1)).toBeUndefined();
    expect(mapPosition('not json', 1, 1)).toBeUndefined();
  });
});
