// Run as its own process by executor.test.ts: starts an executor, runs one function, prints the child's
// pid, then either returns (the process must exit on its own: an idle child holds nothing open) or calls
// process.exit mid-run (the child must die with it).
import { createExecutor } from '../../../sandbox/index.ts';
import { bundleFunction, functionSource } from './bundle-function.ts';
import { createFakeHost } from './fake-host.ts';

const mode = process.argv[2];
let childPid: number | undefined;
const executor = createExecutor({ _internal: { onSpawn: (pid) => (childPid = pid) } });
const bundled = await bundleFunction(functionSource({ run: 'return await ctx.directory.isUsernameTaken(event.name);' }));
const result = await executor.run({ ...bundled, event: { name: 'jsmith' } }, createFakeHost({ taken: ['jsmith'] }));
process.stdout.write(`${JSON.stringify({ childPid, outcome: result.outcome })}\n`);
if (mode === 'exit-mid-run') {
  const stuck = await bundleFunction(functionSource({ run: 'await new Promise(() => {}); return 1;' }));
  void executor.run({ ...stuck, event: {} }, createFakeHost());
  setTimeout(() => process.exit(0), 200);
}
