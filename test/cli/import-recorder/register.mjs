// Loaded with `node --import` by test/cli/startup-imports.test.ts: records every module the process loads,
// ESM through a resolve hook and CommonJS through Module._resolveFilename, one URL or path per line in
// the file named by JOINERY_IMPORT_LOG.
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';

const log = process.env.JOINERY_IMPORT_LOG;
if (log) {
  register('./hooks.mjs', import.meta.url, { data: { log } });
  const resolveFilename = Module._resolveFilename;
  Module._resolveFilename = function (...args) {
    const resolved = resolveFilename.apply(this, args);
    appendFileSync(log, `${resolved}\n`);
    return resolved;
  };
}
