// What `npm pack` ships: the launcher, the compiled code (dist/: JavaScript, the SDK types, the templates,
// the docs and the guest scripts), README.md and package.json, and nothing else (no sources, tests,
// benches, evals, local functions or build manifest). .ci/run installs the real tarball and runs it.

import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function packedFiles(): string[] {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const report = JSON.parse(execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' })) as Array<{ files: Array<{ path: string }> }>;
  return (report[0]?.files ?? []).map((file) => file.path).sort();
}

describe('the npm package', { timeout: 60_000 }, () => {
  it('ships the compiled code, the SDK types, the templates and the docs, and nothing else', () => {
    const files = packedFiles();
    expect(files.filter((path) => !/^(dist\/|bin\/joinery\.js$|README\.md$|package\.json$|LICENSE$)/.test(path))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining([
      'bin/joinery.js',
      'dist/cli/main.js',
      'dist/sandbox/executor-child.js',
      'dist/sandbox/guest/bridge.js',
      'dist/core/sdk/sdk-types.ts',
      'dist/docs/contract.md',
      'dist/templates/username/username.ts',
      'dist/templates/username/username.fixtures.json',
    ]));
    expect(files.filter((path) => /^dist\/evals\/(cases|fresh|references)\/|^dist\/evals\/baseline|build-manifest|\.map$/.test(path))).toEqual([]);
  });
});
