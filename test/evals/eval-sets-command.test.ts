// `joinery eval` over the project's case sets: --set picks them, each set gets its own row in the table,
// its own sections in the report and its own entry in the JSON, and is compared with (and writes) its own
// baseline. The last test runs the compiled CLI as CI does, from the checkout.

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCliContext } from '../../cli/context.ts';
import { main } from '../../cli/main.ts';
import { FRESH_CASES_DIR, loadCases } from '../../evals/index.ts';

const folder = mkdtempSync(join(tmpdir(), 'joinery-eval-sets-'));
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FRESH_COUNT = loadCases({ path: FRESH_CASES_DIR }).cases.length;

async function joinery(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const chunks = { stdout: [] as string[], stderr: [] as string[] };
  const sink = (into: string[]) => new Writable({ write(chunk, _encoding, done) { into.push(String(chunk)); done(); } });
  const streams = { stdin: Readable.from(['']), stdout: sink(chunks.stdout), stderr: sink(chunks.stderr) };
  const context = createCliContext({ cwd: folder, env: { JOINERY_HOME: join(folder, '.joinery') }, ...streams });
  const code = await main(['eval', ...args], context);
  return { code, stdout: chunks.stdout.join(''), stderr: chunks.stderr.join('') };
}

describe('joinery eval --set', () => {
  it('exits 2 naming the choices for an unknown set, and for options that do not go together', async () => {
    const unknown = await joinery(['--set', 'frsh', '--json']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown case set "frsh" for --set: use project, fresh, all');
    expect(JSON.parse(unknown.stdout)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const withCases = await joinery(['--set', 'fresh', '--cases', 'x.json']);
    expect(withCases.code).toBe(2);
    expect(withCases.stderr).toContain('--set picks among the project\'s case sets');
    const oneBaseline = await joinery(['--baseline', 'b.json']);
    expect(oneBaseline.code).toBe(2);
    expect(oneBaseline.stderr).toContain('add --set project or --set fresh');
  });

  it('reports each set on its own line, in its own report section and JSON entry', async () => {
    const only = ['--only', 'username-flast-ad,fresh-username-first3-last5,fresh-tap-monday-starters', '--provider', 'reference'];
    const text = await joinery([...only, '--report', 'sets.md']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('== fresh (');
    expect(text.stdout).toMatch(/^project\s+1\s+1\s+100\.0 %\s+100\.0 %\s+0\s+0\s+0\s+none$/m);
    expect(text.stdout).toMatch(/^fresh\s+2\s+2\s+100\.0 %/m);
    expect(text.stderr).toContain('Scoring 2 cases from');
    expect(text.stderr).toContain('(set fresh) with reference');
    const report = readFileSync(join(folder, 'sets.md'), 'utf8');
    expect(report).toContain('## By set');
    expect(report).toMatch(/\| fresh \| 2 \| 2 \| 100\.0 % \|/);
    expect(report).toContain('## Set: project');
    expect(report).toContain('### By case');

    const json = JSON.parse((await joinery([...only, '--json'])).stdout);
    expect(json.sets.map((set: { set: string; totals: { cases: number } }) => [set.set, set.totals.cases])).toEqual([['project', 1], ['fresh', 2]]);
    expect(json.totals).toMatchObject({ cases: 3, solved: 3 });
    expect(json.results.map((score: { set: string; id: string }) => `${score.set}:${score.id}`)).toEqual([
      'project:username-flast-ad',
      'fresh:fresh-tap-monday-starters',
      'fresh:fresh-username-first3-last5',
    ]);
  });

  it('compares the fresh set with its own baseline and writes it with --update-baseline', async () => {
    const written = await joinery(['--set', 'fresh', '--baseline', 'fresh-baseline.json', '--update-baseline', '--json']);
    expect(written.code).toBe(0);
    const baseline = JSON.parse(readFileSync(join(folder, 'fresh-baseline.json'), 'utf8'));
    expect(baseline.providers.offline).toMatchObject({ model: 'joinery-offline-1', cases: FRESH_COUNT });

    // A case the offline author does not solve (a catalog order across two calls), claimed as solved.
    baseline.providers.offline = { ...baseline.providers.offline, solvedShare: 1, solved: ['fresh-ticket-catalog-order-for-manager'] };
    writeFileSync(join(folder, 'fresh-baseline.json'), JSON.stringify(baseline));
    // Only that case runs again: a regression counts among the cases run (the share is not compared then).
    const regressed = await joinery(['--set', 'fresh', '--only', 'fresh-ticket-catalog-order-for-manager', '--baseline', 'fresh-baseline.json', '--json']);
    expect(regressed.code).toBe(1);
    expect(regressed.stderr).toContain('fresh: ✗ baseline');
    expect(regressed.stderr).toContain('regressions: fresh-ticket-catalog-order-for-manager');
    expect(JSON.parse(regressed.stdout).sets[0].baseline).toMatchObject({ failed: true, regressions: ['fresh-ticket-catalog-order-for-manager'] });
  }, 120_000);

  it('run from dist/ in a checkout, compares with the sources\' baseline, not dist/\'s copy', async () => {
    const args = ['bin/joinery.js', 'eval', '--provider', 'reference', '--set', 'fresh', '--only', 'fresh-username-first3-last5', '--json'];
    const stdout = await new Promise<string>((resolve, reject) => {
      const env = { ...process.env, JOINERY_HOME: join(folder, '.spawned') };
      execFile(process.execPath, args, { cwd: REPO_ROOT, env }, (error, out) => (error ? reject(error) : resolve(out)));
    });
    expect(JSON.parse(stdout).sets[0]).toMatchObject({ set: 'fresh', cases: 'evals/fresh', baselineFile: 'evals/baseline-fresh.json' });
  }, 60_000);
});
