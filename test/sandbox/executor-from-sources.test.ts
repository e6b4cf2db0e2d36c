// The suite's executor children start from the build of the sources (test/build-once.ts). This file keeps
// the other path working: with no build named, a child started from the sources runs them through tsx.
import { readFileSync } from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { createExecutor } from '../../sandbox/index.ts';
import { bundleFunction, functionSource } from './helpers/bundle-function.ts';
import { createFakeHost } from './helpers/fake-host.ts';

const saved = process.env.JOINERY_SOURCE_BUILD;
afterEach(() => {
  if (saved === undefined) delete process.env.JOINERY_SOURCE_BUILD;
  else process.env.JOINERY_SOURCE_BUILD = saved;
});

const commandLine = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');

it('runs a function in a child started from the .ts sources through tsx when no build is named', async () => {
  delete process.env.JOINERY_SOURCE_BUILD;
  const pids: number[] = [];
  const executor = createExecutor({ _internal: { onSpawn: (pid) => pid !== undefined && pids.push(pid) } });
  try {
    const source = functionSource({ run: 'return { taken: await ctx.directory.isUsernameTaken(String(event.value)) };' });
    const result = await executor.run({ ...(await bundleFunction(source)), event: { value: 'jsmith' } }, createFakeHost({ taken: ['jsmith'] }));
    expect(result.outcome).toEqual({ kind: 'returned', value: { taken: true } });
    const argv = commandLine(pids[0] as number);
    expect(argv.some((part) => part.endsWith('sandbox/executor-child.ts'))).toBe(true);
    expect(argv.some((part) => part.includes('tsx'))).toBe(true);
  } finally {
    await executor.close();
  }
});
