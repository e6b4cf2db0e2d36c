#!/usr/bin/env node
// The `joinery` command: runs the compiled CLI in dist/ (`npm run build`; `npm ci` builds through `prepare`).
// Nothing compiles TypeScript at run time.
import module from 'node:module';

// Node >= 22.1: V8 keeps the compiled code of these modules in the OS temp folder, so the next start skips
// compiling them (a no-op on Node 20).
module.enableCompileCache?.();
let main;
try {
  ({ main } = await import('../dist/cli/main.js'));
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/cli/main.js')) throw error;
  process.stderr.write('joinery: the compiled CLI is missing (dist/cli/main.js); run `npm run build` first\n');
  process.exit(3);
}
process.exitCode = await main(process.argv.slice(2));
