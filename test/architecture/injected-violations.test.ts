// The architecture checker against a small tree held in memory: legal in every way the real one is, then
// broken one way at a time. Each injected violation must be reported once, under the right rule, at the
// right file; comments and strings that look like imports must not be.

import { describe, expect, it } from 'vitest';
import { checkArchitecture, type RuleName } from './check-architecture.ts';
import { HOUSE_RULES } from './house-rules.ts';
import type { SourceFile } from './import-edges.ts';

const rules = { ...HOUSE_RULES, computedSpecifiers: {}, indexBypasses: [] };

const legalTree: SourceFile[] = [
  { path: 'core/errors.ts', text: "export class JoineryError extends Error {}\n" },
  { path: 'core/registry/index.ts', text: "export type { Version } from './types.ts';\nexport * from './store.ts';\n" },
  { path: 'core/registry/types.ts', text: "import { JoineryError } from '../errors.ts';\nexport type Version = { error?: JoineryError };\n" },
  { path: 'core/registry/store.ts', text: "import type { Version } from './types.ts';\nimport { z } from 'zod';\nexport const versions: Version[] = [];\n" },
  { path: 'core/build/index.ts', text: "import * as esbuild from 'esbuild';\nexport const build = esbuild.build;\n" },
  {
    path: 'core/pipeline/index.ts',
    text: [
      "import type { Version } from '../registry/index.ts';",
      "// import { run } from '../../sandbox/index.ts' would break the direction: comments never count",
      "export const guest = \"import('../../sandbox/index.ts'); require('isolated-vm')\";",
      "export const worker = new URL('./pipeline-worker.ts', import.meta.url);",
      'export type Versions = Version[];',
    ].join('\n'),
  },
  { path: 'core/pipeline/pipeline-worker.ts', text: "export {};\n" },
  {
    path: 'sandbox/index.ts',
    text: "import type ivm from 'isolated-vm';\nimport { versions } from '../core/registry/index.ts';\nexport type { ivm };\nexport { versions };\n",
  },
  { path: 'sandbox/guest/bridge.js', text: "globalThis.bridge = {};\n" },
  { path: 'agent/index.ts', text: "import Anthropic from '@anthropic-ai/sdk';\nexport { Anthropic };\n" },
  { path: 'mcp-server/index.ts', text: "import '../agent/index.ts';\nexport { JoineryError } from '../core/errors.ts';\n" },
  { path: 'cli/main.ts', text: "import '../mcp-server/index.ts';\nimport '../sandbox/index.ts';\nexport const main = () => import('../server/index.ts');\n" },
  { path: 'server/index.ts', text: "import pino from 'pino';\nexport const logger = pino();\n" },
  { path: 'evals/index.ts', text: "import '../agent/index.ts';\n" },
  { path: 'bench/index.ts', text: "import '../sandbox/index.ts';\n" },
  { path: 'bin/joinery.js', text: "await import('../cli/main.ts');\n" },
  { path: 'templates/username/username.ts', text: "import { defineFunction } from '@joinery/sdk';\nexport default defineFunction({});\n" },
  { path: 'test/registry.test.ts', text: "import { versions } from '../core/registry/store.ts';\nimport { it } from 'vitest';\n" },
  { path: 'vitest.config.ts', text: "import { defineConfig } from 'vitest/config';\nexport default defineConfig({});\n" },
];

interface Injection {
  kind: string;
  file: SourceFile;
  rule: RuleName;
  /** Legal files the violation needs around it. */
  context?: SourceFile[];
}

const injections: Injection[] = [
  {
    kind: 'wrong-direction static import',
    rule: 'direction',
    file: { path: 'core/registry/agent-call.ts', text: "import { Anthropic } from '../../agent/index.ts';\n" },
  },
  { kind: 'dynamic import()', rule: 'direction', file: { path: 'mcp-server/run.ts', text: "export const load = () => import('../sandbox/index.ts');\n" } },
  { kind: 'a .mts file', rule: 'direction', file: { path: 'agent/helper.mts', text: "export * from '../mcp-server/index.ts';\n" } },
  { kind: 'a .js file in bin/', rule: 'direction', file: { path: 'bin/tool.js', text: "import '../sandbox/index.ts';\n" } },
  { kind: 'an index bypass', rule: 'index-only', file: { path: 'cli/versions.ts', text: "import type { Version } from '../core/registry/types.ts';\n" } },
  { kind: 'a template importing a package', rule: 'package', file: { path: 'templates/email/email.ts', text: "import { z } from 'zod';\n" } },
  {
    kind: 'a template importing core',
    rule: 'direction',
    file: { path: 'templates/email/email.ts', text: "import { JoineryError } from '../../core/errors.ts';\n" },
  },
  { kind: 'a template importing a built-in', rule: 'package', file: { path: 'templates/email/email.ts', text: "import { readFileSync } from 'node:fs';\n" } },
  { kind: 'core importing isolated-vm', rule: 'package', file: { path: 'core/registry/run.ts', text: "import ivm from 'isolated-vm';\n" } },
  { kind: 'a require() in a .cjs file', rule: 'direction', file: { path: 'evals/load.cjs', text: "module.exports = require('../sandbox/index.ts');\n" } },
  { kind: 'a computed import()', rule: 'computed-specifier', file: { path: 'agent/plugin.ts', text: "export const load = (name: string) => import(name);\n" } },
  {
    kind: 'a type-only import the wrong way',
    rule: 'direction',
    file: { path: 'core/registry/tool.ts', text: "export type Tool = import('../../mcp-server/index.ts').Tool;\n" },
  },
  {
    kind: 'a worker started by URL',
    rule: 'direction',
    file: { path: 'core/build/spawn.ts', text: "export const child = new URL('../../sandbox/index.ts', import.meta.url);\n" },
  },
  { kind: 'import.meta.resolve', rule: 'direction', file: { path: 'server/find.ts', text: "export const path = import.meta.resolve('../agent/index.ts');\n" } },
  {
    kind: 'core importing the Anthropic SDK',
    rule: 'package',
    file: { path: 'core/pipeline/model.ts', text: "export { default } from '@anthropic-ai/sdk';\n" },
  },
  {
    kind: 'a parent reaching into a child',
    rule: 'index-only',
    file: { path: 'mcp-server/wire.ts', text: "import './drafts/draft-store.ts';\n" },
    context: [
      { path: 'mcp-server/drafts/index.ts', text: "export {};\n" },
      { path: 'mcp-server/drafts/draft-store.ts', text: "export {};\n" },
    ],
  },
  { kind: 'a new top-level folder', rule: 'unknown-folder', file: { path: 'tools/release.mjs', text: "console.log('release');\n" } },
  { kind: 'an import of a missing file', rule: 'unresolved', file: { path: 'agent/missing.ts', text: "import './not-there.ts';\n" } },
];

describe('the architecture checker', () => {
  it('finds nothing wrong in a legal tree (comments and strings that look like imports included)', () => {
    expect(checkArchitecture(legalTree, rules)).toEqual([]);
  });

  it.each(injections)('catches $kind', ({ file, rule, context = [] }) => {
    const tree = [...legalTree, ...context, file];
    const violations = checkArchitecture(tree, rules);
    expect(violations.map((violation) => [violation.rule, violation.file])).toEqual([[rule, file.path]]);
  });

  it('catches every injected violation', () => {
    const caught = injections.filter(({ file, rule, context = [] }) => {
      const violations = checkArchitecture([...legalTree, ...context, file], rules);
      return violations.length === 1 && violations[0]?.rule === rule;
    });
    expect(`${caught.length} of ${injections.length}`).toBe(`${injections.length} of ${injections.length}`);
  });

  it('reports an exception that matches no import, so that the lists only shrink', () => {
    const stale = {
      ...rules,
      indexBypasses: ['cli/main.ts → core/registry/types.ts'],
      computedSpecifiers: { 'agent/index.ts dynamic': 'gone' },
    };
    expect(checkArchitecture(legalTree, stale).map((violation) => violation.rule)).toEqual(['stale-exception', 'stale-exception']);
  });
});

