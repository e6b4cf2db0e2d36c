// The benchmark runner's flags: --help answers, and a wrong flag or name is refused with exit 2 before any
// benchmark starts.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BENCH = fileURLToPath(new URL('../../bin/bench.js', import.meta.url));
const bench = (...args: string[]) => spawnSync(process.execPath, ['--no-node-snapshot', BENCH, ...args], { encoding: 'utf8', timeout: 60_000 });

describe('npm run bench', () => {
  it('--help lists the benchmarks and exits 0', () => {
    const result = bench('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('--only');
    expect(result.stdout).toContain('throughput');
  });

  it.each([
    [['--only', 'nope'], 'unknown benchmark nope'],
    [['--only'], '--only needs benchmark names'],
    [['--only', '--json'], '--only needs benchmark names'],
    [['--frob'], 'unknown argument --frob'],
  ])('%j is refused with exit 2', (args, message) => {
    const result = bench(...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toContain('# ');
  });
});
