// Vitest global setup. Tests that spawn the `joinery` command run the compiled CLI (bin/joinery.js →
// dist/), so dist/ is rebuilt first when any source is newer than it (and again before a watch-mode rerun);
// tests themselves import the .ts sources. The child processes and worker threads those sources start (the
// executor child, the record writer, the type-check worker) start from that same build
// (JOINERY_SOURCE_BUILD, core/runtime-entry/index.ts): compiled, a child starts on a third of the CPU tsx needs.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const buildIfStale = () => {
  const script = fileURLToPath(new URL('../scripts/build.mjs', import.meta.url));
  execFileSync(process.execPath, [script, '--if-stale'], { stdio: 'inherit' });
};

export default function buildOnce(project: TestProject): void {
  buildIfStale();
  process.env.JOINERY_SOURCE_BUILD = fileURLToPath(new URL('../dist', import.meta.url));
  project.onTestsRerun(() => buildIfStale());
}
