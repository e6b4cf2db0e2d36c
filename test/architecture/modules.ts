// What a module is, for the index-only rule of style.md ("each folder has an index.ts that names its
// public exports; other folders import only from it"):
// - a folder that holds an index.ts (or index.js) is a module, and so is everything below it down to the
//   next folder with an index of its own (agent/offline/ belongs to agent/, agent/model/ is a module);
// - a file with no such folder above it is a module of its own (core/errors.ts, cli/main.ts, bin/*.js,
//   templates/*/*.ts): core/ itself has no index, so each of its sub-folders is a module, and a file
//   directly under core/ is its own one-file module that others import by its path.
// A module nested in another is part of it and may use its internals (agent/offline/families/ uses
// agent/offline/recognizer.ts, mcp-server/tools/ uses mcp-server/boundary/): going through the parent's
// index would make a cycle. Every other import that leaves its module, the parent reaching into a child
// included, must name the target module's index file, or the one-file module.

import { posix } from 'node:path';

const INDEX_NAMES = ['index.ts', 'index.js'];

export interface ModuleMap {
  /** The module a file belongs to: the folder holding its index (`core/registry`), or the file itself. */
  moduleOf(path: string): string;
  /** The file that another module must import to reach `module`. */
  entryOf(module: string): string;
  /** Whether `inner` is `outer` or nested inside it, so that `inner` may use `outer`'s internals. */
  encloses(outer: string, inner: string): boolean;
}

export function moduleMap(paths: readonly string[]): ModuleMap {
  const indexes = new Map<string, string>();
  for (const path of paths) {
    if (INDEX_NAMES.includes(posix.basename(path))) indexes.set(posix.dirname(path), path);
  }
  const moduleOf = (path: string): string => {
    for (let folder = posix.dirname(path); folder !== '.'; folder = posix.dirname(folder)) {
      if (indexes.has(folder)) return folder;
    }
    return path;
  };
  return {
    moduleOf,
    entryOf: (module) => indexes.get(module) ?? module,
    encloses: (outer, inner) => inner === outer || (indexes.has(outer) && inner.startsWith(`${outer}/`)),
  };
}
