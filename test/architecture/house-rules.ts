// The project's architecture, as tables narrowed to the edges the code has (measured, not wished for):
// style.md's direction cli → mcp-server → agent → core ← sandbox, plus the folders around it.

import type { ArchitectureRules } from './check-architecture.ts';
import { INDEX_BYPASSES } from './index-bypasses.ts';

export const HOUSE_RULES: ArchitectureRules = {
  folders: {
    core: ['core'],
    sandbox: ['core', 'sandbox'],
    agent: ['core', 'agent'],
    'mcp-server': ['core', 'agent', 'mcp-server'],
    evals: ['core', 'agent', 'evals'],
    server: ['core', 'server'],
    cli: ['core', 'agent', 'mcp-server', 'evals', 'sandbox', 'server', 'cli'],
    bench: ['core', 'agent', 'evals', 'sandbox', 'server', 'bench'],
    bin: ['cli', 'bench', 'dist'], // the launcher runs the build output, dist/ (npm run build)
    scripts: ['scripts'], // the build and CI scripts: plain JavaScript, run before anything is compiled
    templates: [],
    test: 'any',
    '.': ['core'],
  },
  packages: {
    core: ['zod'],
    'core/runtime-entry': ['tsx'], // a worker thread started from the sources registers tsx's hooks
    'core/build': ['esbuild', 'typescript'],
    'core/store': ['better-sqlite3'],
    'core/postgres': ['pg'],
    sandbox: ['isolated-vm'],
    agent: ['@anthropic-ai/sdk', 'openai', 'zod'],
    'mcp-server': ['@modelcontextprotocol/sdk', '@modelcontextprotocol/ext-apps', 'zod', 'express', 'jose'],
    evals: ['@joinery/sdk', 'zod'],
    server: ['pino'],
    cli: ['zod'],
    bench: ['@modelcontextprotocol/sdk', 'esbuild', 'quickjs-emscripten', 'typescript'],
    bin: ['tsx'],
    scripts: ['esbuild'],
    templates: ['@joinery/sdk'],
    test: 'any',
    '.': ['vitest'],
  },
  noBuiltins: ['templates'],
  indexRuleExempt: ['test'],
  computedSpecifiers: {
    'core/store/load-better-sqlite3.ts require': 'better-sqlite3-12 or -13, whichever this Node can load',
    'sandbox/isolated-vm-loader.ts require': 'isolated-vm-5 or -7, whichever this Node can load',
    'sandbox/prelude-script.ts url': 'a guest script in sandbox/guest/',
    'bench/typecheck.ts dynamic': "the TypeScript 5 compiler's lib/typescript.js, the peer it is compared with",
    'test/egress/egress-tls.test.ts url': 'a PEM file in test/egress/tls/',
    'test/templates/template-harness.ts url': 'a template folder, read by URL so tsc does not follow it',
    'test/templates/template-harness.ts dynamic': 'the template function in that folder',
    'test/package/build-output.test.ts dynamic': 'scripts/build-plan.mjs, imported by file URL as the build itself imports it',
  },
  indexBypasses: INDEX_BYPASSES,
};
