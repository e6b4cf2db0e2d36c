// The check limits are operator settings: typeCheckTimeoutMs (and bundleTimeoutMs) in config.json reach
// the checker of `joinery check`, and the problem names the setting; values out of range are refused.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hostileTypesSource } from '../helpers/hostile-types.ts';
import { runCli } from '../helpers/run-cli.ts';

const cwd = mkdtempSync(join(tmpdir(), 'joinery-limits-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

function homeWith(config: Record<string, unknown>): string {
  const home = mkdtempSync(join(cwd, 'home-'));
  writeFileSync(join(home, 'config.json'), JSON.stringify(config));
  return home;
}

describe('joinery check under config.json limits', () => {
  it('stops the hostile function at typeCheckTimeoutMs from config.json and names the setting', async () => {
    writeFileSync(join(cwd, 'slow.ts'), hostileTypesSource());
    const run = await runCli(['check', 'slow.ts'], { cwd, home: homeWith({ typeCheckTimeoutMs: 1_000 }) });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('type-check: type-check stopped after 1000 ms (the limit, typeCheckTimeoutMs in config.json); simplify the types');
  });

  it.each([
    [{ typeCheckTimeoutMs: 50 }, /typeCheckTimeoutMs/],
    [{ bundleTimeoutMs: 'fast' }, /bundleTimeoutMs/],
  ])('refuses %j', async (config, named) => {
    writeFileSync(join(cwd, 'fine.ts'), 'export default 1;\n');
    const run = await runCli(['check', 'fine.ts'], { cwd, home: homeWith(config) });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(named);
  });
});
