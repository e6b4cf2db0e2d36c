// The Chromium the browser tests drive: JOINERY_CHROMIUM, else `chromium` (Debian's package) or
// `chromium-browser` on the PATH. Missing, the tests fail with the install line: they never skip.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.JOINERY_CHROMIUM;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`JOINERY_CHROMIUM=${configured} does not exist`);
    return configured;
  }
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const path = execFileSync('which', [name], { encoding: 'utf8' }).trim();
      if (path) return path;
    } catch {
      // not on the PATH; try the next name
    }
  }
  throw new Error('no Chromium found for the browser tests: install it (apt-get install -y chromium) or set JOINERY_CHROMIUM');
}
