// Run as its own process by executor.test.ts, where nothing else holds the event loop open: starts an
// executor, runs one function and prints the child's pid and the outcome. Modes:
// - 'idle': returns; the process must exit on its own (an idle child holds nothing open).
// - 'exit-mid-run': calls process.exit during a second run; the child must die with the parent.
// - 'crash-mid-run': kills the child during a second run; the parent must stay up to print `crashed`.
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
if (mode === 'crash-mid-run') {
  const killer = { ...createFakeHost(), isUsernameTaken: () => { process.kill(childPid!, 'SIGKILL'); return new Promise<boolean>(() => {}); } };
  const crashed = await executor.run({ ...bundled, event: { name: 'x' } }, killer);
  process.stdout.write(`${JSON.stringify({ childPid, outcome: crashed.outcome })}\n`);
}
