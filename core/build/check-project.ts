// The in-memory project every check runs in: one tsconfig, the SDK and sandbox-global declarations, a
// contract file that type-checks the default export, and the authored file. Nothing here names a host path.

import { SDK_DECLARATIONS } from '../sdk/index.ts';
import { JoineryError } from '../errors.ts';
import { SANDBOX_GLOBALS_DECLARATIONS } from './sandbox-globals.ts';

export const PROJECT_ROOT = '/joinery';
export const TSCONFIG_PATH = `${PROJECT_ROOT}/tsconfig.json`;
export const FUNCTION_PATH = `${PROJECT_ROOT}/fn.ts`;
export const CONTRACT_PATH = `${PROJECT_ROOT}/contract.ts`;

/** Codes the contract file reports when fn.ts has no default export at all. */
export const MISSING_DEFAULT_EXPORT_CODES = new Set([1192, 2306]);

// Type-checks `export default` against the SDK without touching the author's file or its positions.
const CONTRACT_SOURCE = `import definition from './fn';
import type { FunctionDefinition } from '@joinery/sdk';
export const checked: FunctionDefinition<any> = definition;
`;

const COMPILER_OPTIONS = {
  strict: true,
  noUncheckedIndexedAccess: true,
  noFallthroughCasesInSwitch: true,
  isolatedModules: true, // esbuild compiles the file on its own, so reject what needs whole-program emit
  target: 'es2022',
  lib: ['es2022'],
  types: [], // no @types: Node globals must be errors
  module: 'esnext',
  moduleResolution: 'bundler',
  noEmit: true,
  skipLibCheck: false,
  noErrorTruncation: true,
};

export interface CheckProject {
  /** Every virtual file by absolute path, fn.ts empty. */
  files: Record<string, string>;
  /** The declaration files of the project, checked once when the checker starts. */
  declarationPaths: string[];
}

export function createCheckProject({ extraDeclarations = {} }: { extraDeclarations?: Record<string, string> } = {}): CheckProject {
  const extra = Object.entries(extraDeclarations).map(([name, text]) => {
    if (!/^[\w.-]+\.d\.ts$/.test(name) || typeof text !== 'string') {
      throw new JoineryError('INVALID_INPUT', `extra declaration "${name}" must be a file name ending in .d.ts with text`);
    }
    return [`${PROJECT_ROOT}/types/${name}`, text] as const;
  });
  const declarations: Record<string, string> = {
    [`${PROJECT_ROOT}/sdk.d.ts`]: SDK_DECLARATIONS,
    [`${PROJECT_ROOT}/sandbox-globals.d.ts`]: SANDBOX_GLOBALS_DECLARATIONS,
    ...Object.fromEntries(extra),
  };
  const declarationPaths = Object.keys(declarations);
  const rootFiles = [...declarationPaths, CONTRACT_PATH, FUNCTION_PATH].map((path) => path.slice(PROJECT_ROOT.length + 1));
  const tsconfig = JSON.stringify({ compilerOptions: COMPILER_OPTIONS, files: rootFiles }, null, 2);
  return {
    files: { [TSCONFIG_PATH]: tsconfig, ...declarations, [CONTRACT_PATH]: CONTRACT_SOURCE, [FUNCTION_PATH]: '' },
    declarationPaths,
  };
}

/**
 * The check project as files on disk would hold it (relative path → text), with `source` as fn.ts: the
 * same inputs for another compiler (the `tsc` command line, TypeScript 6) in benchmarks and comparisons.
 */
export function checkProjectFiles(source: string, options: { extraDeclarations?: Record<string, string> } = {}): Record<string, string> {
  const { files } = createCheckProject(options);
  return Object.fromEntries(
    Object.entries({ ...files, [FUNCTION_PATH]: source }).map(([path, text]) => [path.slice(PROJECT_ROOT.length + 1), text]),
  );
}
