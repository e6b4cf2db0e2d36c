#!/usr/bin/env node
// The `joinery` command: runs the compiled CLI in dist/ (`npm run build`; `npm ci` builds through `prepare`).
// Nothing compiles TypeScript at run time.
let main;
try {
  ({ main } = await import('../dist/cli/main.js'));
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/cli/main.js')) throw error;
  process.stderr.write('joinery: the compiled CLI is missing (dist/cli/main.js); run `npm run build` first\n');
  process.exit(3);
}
process.exitCode = await main(process.argv.slice(2));
