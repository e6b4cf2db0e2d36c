// The one place that loads better-sqlite3. Two builds are installed under aliases: 12.x (node-gyp, the
// line that supports Node 20) and 13.x (N-API prebuilds, Node >= 22). On Node 24, 12.x statements
// finalised during the last garbage collection abort the process at exit ("Assertion failed: (env) !=
// nullptr" in RemoveEnvironmentCleanupHook); 13.x does not. Each Node gets the build made for it first.

import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import { JoineryError } from '../errors.ts';

export type DatabaseConstructor = typeof BetterSqlite3;

const NODE_MAJOR = Number(process.versions.node.split('.')[0]);
const CANDIDATES = NODE_MAJOR >= 22 ? ['better-sqlite3-13', 'better-sqlite3-12'] : ['better-sqlite3-12', 'better-sqlite3-13'];

let loaded: DatabaseConstructor | undefined;

export function loadBetterSqlite3(): DatabaseConstructor {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const failures: string[] = [];
  for (const candidate of CANDIDATES) {
    try {
      loaded = require(candidate) as DatabaseConstructor;
      return loaded;
    } catch (error) {
      failures.push(`${candidate}: ${(error as { code?: string }).code ?? 'LOAD_FAILED'}`);
    }
  }
  throw new JoineryError('INTERNAL', `better-sqlite3 could not be loaded in Node ${process.version} (${failures.join(', ')}); Joinery supports Node 20, 22 and 24`);
}
