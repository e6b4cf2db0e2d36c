// Vitest global setup. Tests that spawn the `joinery` command run the compiled CLI (bin/joinery.js →
// dist/), so dist/ is rebuilt first when any source is newer than it; tests themselves import the .ts sources.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function buildOnce(): void {
  const script = fileURLToPath(new URL('../scripts/build.mjs', import.meta.url));
  execFileSync(process.execPath, [script, '--if-stale'], { stdio: 'inherit' });
}
