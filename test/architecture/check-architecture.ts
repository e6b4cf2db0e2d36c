// Checks a set of source files against the house rules and lists every violation with its file and line.
// Pure: it reads only the files it is given, so a test can hand it a tree that exists only in memory.

import { posix } from 'node:path';
import { importEdges, type ImportEdge, type SourceFile } from './import-edges.ts';
import { moduleMap, type ModuleMap } from './modules.ts';
import { isSourcePath } from './source-files.ts';

export interface ArchitectureRules {
  /** Top-level folder (`.` for files at the root) → the top-level folders its files may import from. */
  folders: Record<string, readonly string[] | 'any'>;
  /** Top-level folder or module path → the packages its files may import, besides `node:` built-ins. */
  packages: Record<string, readonly string[] | 'any'>;
  /** Top-level folders that may not import even `node:` built-ins. */
  noBuiltins: readonly string[];
  /** Top-level folders whose files may import another module's internals (tests of those internals). */
  indexRuleExempt: readonly string[];
  /** `file kind` pairs whose computed specifier has been read and accepted, with the reason. */
  computedSpecifiers: Record<string, string>;
  /** `importer → target` pairs that bypass an index today; the list may only shrink. */
  indexBypasses: readonly string[];
}

export type RuleName =
  | 'direction'
  | 'package'
  | 'index-only'
  | 'computed-specifier'
  | 'unresolved'
  | 'unknown-folder'
  | 'stale-exception';

export interface Violation {
  rule: RuleName;
  file: string;
  line: number;
  message: string;
}

export function checkArchitecture(files: readonly SourceFile[], rules: ArchitectureRules): Violation[] {
  const paths = new Set(files.map((file) => file.path));
  const modules = moduleMap([...paths]);
  const violations: Violation[] = [];
  const used = new Set<string>();
  for (const file of files) {
    const folder = topFolder(file.path);
    if (rules.folders[folder] === undefined) {
      violations.push({ rule: 'unknown-folder', file: file.path, line: 1, message: `folder ${folder}/ has no row in the direction table` });
    }
    for (const edge of importEdges(file)) violations.push(...checkEdge({ edge, paths, modules, rules, used }));
  }
  return [...violations, ...staleExceptions(rules, used)];
}

/** Exceptions exist to shrink: one that matches nothing any more is reported so that it is deleted. */
function staleExceptions(rules: ArchitectureRules, used: Set<string>): Violation[] {
  const listed = [...Object.keys(rules.computedSpecifiers), ...rules.indexBypasses];
  return listed
    .filter((key) => !used.has(key))
    .map((key) => ({ rule: 'stale-exception', file: key, line: 0, message: `the exception ${key} matches no import: delete it` }));
}

interface EdgeContext {
  edge: ImportEdge;
  paths: Set<string>;
  modules: ModuleMap;
  rules: ArchitectureRules;
  /** Exception keys that matched an import, so that the unmatched ones can be reported. */
  used: Set<string>;
}

function checkEdge(context: EdgeContext): Violation[] {
  const { edge, paths, rules, used } = context;
  const at = (rule: RuleName, message: string): Violation[] => [{ rule, file: edge.from, line: edge.line, message }];
  if (edge.specifier === undefined) {
    const key = `${edge.from} ${edge.kind}`;
    if (rules.computedSpecifiers[key] === undefined) return at('computed-specifier', `${edge.kind} with a computed specifier cannot be checked`);
    used.add(key);
    return [];
  }
  if (!edge.specifier.startsWith('.')) return checkPackage(edge, edge.specifier, rules, at);
  const target = resolveTarget(edge.from, edge.specifier, paths);
  // A URL to a data file or folder is no import; a URL to a source file is (a worker, a child, a script).
  if (edge.kind === 'url' && (target === undefined || !paths.has(target))) return [];
  if (target === undefined && !isBuildOutput(edge.from, edge.specifier)) return at('unresolved', `${edge.specifier} names no source file`);
  const from = topFolder(edge.from);
  const allowed = rules.folders[from] ?? [];
  const targetPath = target ?? joinedPath(edge.from, edge.specifier);
  if (allowed !== 'any' && !allowed.includes(topFolder(targetPath))) {
    return at('direction', `${from}/ may not import ${targetPath} (allowed: ${allowed.join(', ') || 'nothing'})`);
  }
  return target !== undefined && paths.has(target) ? checkIndexRule(context, target, at) : [];
}

function checkIndexRule(context: EdgeContext, target: string, at: (rule: RuleName, message: string) => Violation[]): Violation[] {
  const { edge, modules, rules, used } = context;
  if (rules.indexRuleExempt.includes(topFolder(edge.from))) return [];
  const targetModule = modules.moduleOf(target);
  if (modules.encloses(targetModule, modules.moduleOf(edge.from))) return [];
  const entry = modules.entryOf(targetModule);
  if (target === entry) return [];
  const key = `${edge.from} → ${target}`;
  if (!rules.indexBypasses.includes(key)) return at('index-only', `${target} is inside ${targetModule}/: import ${entry} instead`);
  used.add(key);
  return [];
}

function checkPackage(
  edge: ImportEdge,
  specifier: string,
  rules: ArchitectureRules,
  at: (rule: RuleName, message: string) => Violation[],
): Violation[] {
  const folder = topFolder(edge.from);
  if (specifier.startsWith('node:')) {
    return rules.noBuiltins.includes(folder) ? at('package', `${folder}/ may not import ${specifier}`) : [];
  }
  const name = packageName(specifier);
  const granted = Object.entries(rules.packages).filter(([scope]) => scope === folder || edge.from.startsWith(`${scope}/`));
  if (granted.some(([, names]) => names === 'any' || names.includes(name))) return [];
  return at('package', `${edge.from} may not import the package ${name}`);
}

/**
 * The file a relative specifier names: a known source file (trying the `.js` → `.ts` mapping and folder
 * indexes), a data file or folder (not a source path: JSON, Markdown), or undefined for a missing source.
 */
const joinedPath = (from: string, specifier: string) => posix.normalize(posix.join(posix.dirname(from), specifier)).replace(/\/$/, '');

/** dist/ holds what `npm run build` makes from the sources; it is never read as source (see source-files.ts). */
const isBuildOutput = (from: string, specifier: string) => joinedPath(from, specifier).startsWith('dist/');

function resolveTarget(from: string, specifier: string, paths: Set<string>): string | undefined {
  const joined = joinedPath(from, specifier);
  const candidates = [joined, joined.replace(/\.js$/, '.ts'), `${joined}.ts`, `${joined}/index.ts`, `${joined}/index.js`];
  const found = candidates.find((candidate) => paths.has(candidate));
  if (found !== undefined) return found;
  return isSourcePath(joined) ? undefined : joined;
}

export function topFolder(path: string): string {
  return path.includes('/') ? path.slice(0, path.indexOf('/')) : '.';
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}
