// What `npm run build` compiles and copies: the one place to add an entry or a file read at run time.

/**
 * Modules started as a process or a worker of their own, besides the CLI. Each is found at run time beside
 * its parent as `./<name>.js` (`.ts` with tsx in development): add a new child or worker entry here.
 * test/package/build-output.test.ts fails when a source looks for a sibling entry that is not built.
 */
export const ENTRY_POINTS = ['cli/main.ts', 'sandbox/executor-child.ts', 'core/build/type-check-worker.ts'];

/**
 * Packages loaded from node_modules at run time rather than bundled: native addons (one build per Node
 * line, chosen by the loaders), TypeScript and esbuild (each drives a native binary found from its own
 * package), and the Anthropic SDK (about a thousand modules, loaded only when Claude authors).
 * pino (`joinery serve`'s logger) stays a package too. Everything else (zod, the MCP SDK, ajv, express,
 * jose) is bundled into dist/.
 */
export const EXTERNAL_PACKAGES = [
  'better-sqlite3',
  'better-sqlite3-*',
  'isolated-vm',
  'isolated-vm-*',
  'typescript',
  'esbuild',
  '@anthropic-ai/sdk',
  'pino', // starts its own worker threads for transports, found from its package
];

/** Where the compiled code comes from, for telling whether dist/ is stale (scripts/ is one: a change to the build). */
export const INPUT_FOLDERS = ['core', 'sandbox', 'agent', 'mcp-server', 'server', 'cli', 'evals', 'scripts'];

/** Read as text at run time, never imported: copied into dist/ at the same relative paths. */
export const RUNTIME_FILES = [
  'docs/contract.md', // agent prompts and the MCP resource
  'sandbox/guest', // the JavaScript installed in every isolate
  'core/sdk/sdk-types.ts', // the SDK declarations the checker, the models and `joinery init` use
  'templates', // the offline author's rule families
  'evals/cases', // `joinery eval` defaults (the checkout's CI); not in the npm package
  'evals/fresh', // `joinery eval --set fresh`: requirements the author was not tuned on
  'evals/references',
  'evals/baseline-fresh.json',
  'evals/baseline.json',
];
