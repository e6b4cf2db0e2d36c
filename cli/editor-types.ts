// Editor types for authored functions: a tsconfig.json and the SDK's declarations in the functions folder,
// so an editor and `tsc --noEmit -p functions` resolve `@joinery/sdk` and check a function as `joinery
// check` does: the same compiler options, the same SDK, the same sandbox globals, no Node globals.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkProjectFiles, SANDBOX_GLOBALS_DECLARATIONS } from '../core/build/index.ts';
import { SDK_DECLARATIONS } from '../core/sdk/index.ts';

export const SDK_DECLARATIONS_FILE = 'joinery-sdk.d.ts';
export const SANDBOX_GLOBALS_FILE = 'joinery-sandbox-globals.d.ts';
const GENERATED = '// Written by `joinery init` from the Joinery version installed; it rewrites this file. Do not edit.\n';

export interface EditorTypesResult {
  /** Paths written, relative to the folder. */
  written: string[];
  /** tsconfig.json was there already and was left as it is (it may hold the user's own settings). */
  keptTsconfig: boolean;
}

/** Writes the declarations (always: they follow the installed SDK) and tsconfig.json (only when missing). */
export function writeEditorTypes(folder: string): EditorTypesResult {
  mkdirSync(folder, { recursive: true });
  const written: string[] = [];
  const write = (name: string, text: string) => {
    const path = join(folder, name);
    if (existsSync(path) && readFileSync(path, 'utf8') === text) return;
    writeFileSync(path, text);
    written.push(name);
  };
  write(SDK_DECLARATIONS_FILE, GENERATED + SDK_DECLARATIONS);
  write(SANDBOX_GLOBALS_FILE, GENERATED + SANDBOX_GLOBALS_DECLARATIONS);
  const keptTsconfig = existsSync(join(folder, 'tsconfig.json'));
  if (!keptTsconfig) write('tsconfig.json', editorTsconfig());
  return { written, keptTsconfig };
}

/** For `joinery author`: sets a folder up the first time a function is written there, and never again. */
export function writeEditorTypesIfMissing(folder: string): void {
  if (!existsSync(join(folder, 'tsconfig.json'))) writeEditorTypes(folder);
}

/** The check project's own compiler options, over every .ts file of the folder. */
function editorTsconfig(): string {
  const { compilerOptions } = JSON.parse(checkProjectFiles('')['tsconfig.json'] ?? '{}') as { compilerOptions: Record<string, unknown> };
  return `${JSON.stringify({ compilerOptions, include: ['*.ts'] }, null, 2)}\n`;
}
