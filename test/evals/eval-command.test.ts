// `joinery eval` end to end, in process: exit codes, the baseline it compares with and writes, the
// report, --json, and precise errors for a malformed cases file.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createCliContext } from '../../cli/context.ts';
import { main } from '../../cli/main.ts';
import { PROJECT_CASES_DIR } from '../../evals/index.ts';
import { sharedToolchain } from '../helpers/run-cli.ts';

const folder = mkdtempSync(join(tmpdir(), 'joinery-eval-'));
// One compiler and one set of executor processes for the file, started as `joinery eval` on this home
// starts them; each command still gets a fresh composition root otherwise.
const toolchain = sharedToolchain({ cwd: folder, home: join(folder, '.joinery') });
afterAll(() => toolchain.close());

async function joinery(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const chunks = { stdout: [] as string[], stderr: [] as string[] };
  const sink = (into: string[]) => new Writable({ write(chunk, _encoding, done) { into.push(String(chunk)); done(); } });
  const context = createCliContext({ cwd: folder, env: { JOINERY_HOME: join(folder, '.joinery') }, stdin: Readable.from(['']), stdout: sink(chunks.stdout), stderr: sink(chunks.stderr) });
  context.toolchain = toolchain.toolchain;
  const code = await main(['eval', ...args], context);
  return { code, stdout: chunks.stdout.join(''), stderr: chunks.stderr.join('') };
}

/** Two project username cases: one the offline author solves, one marked as beyond it ("offline": false). */
function writeCases(): string {
  const { cases } = JSON.parse(readFileSync(join(PROJECT_CASES_DIR, 'username.json'), 'utf8')) as { cases: Array<{ id: string; reference?: unknown }> };
  const chosen = ['username-readme-example', 'username-contractor-employee-id'].map((id) => {
    const { reference: _reference, ...rest } = cases.find((evalCase) => evalCase.id === id)!;
    return rest;
  });
  writeFileSync(join(folder, 'cases.json'), JSON.stringify({ cases: chosen }, null, 2));
  return 'cases.json';
}

describe('joinery eval', () => {
  it('writes a baseline, then fails naming a regression when the baseline claims more', async () => {
    const cases = writeCases();
    const written = await joinery(['--cases', cases, '--baseline', 'baseline.json', '--update-baseline', '--json']);
    expect(written.code).toBe(0);
    const result = JSON.parse(written.stdout);
    expect(result).toMatchObject({ ok: true, provider: 'offline', totals: { cases: 2, solved: 1 }, baselineUpdated: true });
    expect(result.results.map((score: { id: string; outcome: string }) => [score.id, score.outcome])).toEqual([['username-readme-example', 'solved'], ['username-contractor-employee-id', 'no-function']]);
    expect(written.stderr).toContain('[1/2] ✓ username-readme-example solved 7/7');
    expect(written.stderr).toContain('[2/2] ✗ username-contractor-employee-id no-function 0/5');
    const baseline = JSON.parse(readFileSync(join(folder, 'baseline.json'), 'utf8'));
    expect(baseline.providers.offline).toEqual({ model: 'joinery-offline-1', cases: 2, solvedShare: 0.5, solved: ['username-readme-example'] });

    const same = await joinery(['--cases', cases, '--baseline', 'baseline.json']);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('✓ baseline: solved share 50.0 % vs baseline 50.0 %; regressions: none');

    baseline.providers.offline = { ...baseline.providers.offline, solvedShare: 1, solved: ['username-readme-example', 'username-contractor-employee-id'] };
    writeFileSync(join(folder, 'baseline.json'), JSON.stringify(baseline));
    const regressed = await joinery(['--cases', cases, '--baseline', 'baseline.json', '--report', 'out/report.md']);
    expect(regressed.code).toBe(1);
    expect(regressed.stdout).toContain('✗ baseline: solved share 50.0 % vs baseline 100.0 %; regressions: username-contractor-employee-id');
    const report = readFileSync(join(folder, 'out', 'report.md'), 'utf8');
    expect(report).toContain('## Against the baseline (FAILED)');
    expect(report).toContain('- Regressions (solved in the baseline, not now): `username-contractor-employee-id`');
    expect(report).toContain('| username-readme-example | username | solved | 7/7 |');
    expect(report).toContain('### username-contractor-employee-id: no-function');
  });

  it('scores the reference provider and runs only the cases asked for', async () => {
    const run = await joinery(['--provider', 'reference', '--only', 'username-flast-ad,username-contractor-employee-id', '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.results.map((score: { id: string; solved: boolean }) => [score.id, score.solved])).toEqual([['username-flast-ad', true], ['username-contractor-employee-id', true]]);
    expect(result.baseline).toBeNull();
  });

  it('exits 2 with the file and JSON path of every problem in a malformed cases file', async () => {
    writeFileSync(join(folder, 'broken.json'), JSON.stringify({ cases: [{ id: 'Bad Id', family: 'username', requirement: 'x', tests: [{ name: 't', input: {} }] }] }));
    const run = await joinery(['--cases', 'broken.json', '--json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('broken.json: $.cases[0].id: must be kebab-case');
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('exits 2 for unknown --only ids and for --update-baseline on part of the cases', async () => {
    const cases = writeCases();
    expect((await joinery(['--cases', cases, '--only', 'nope'])).stderr).toContain('--only names unknown case: nope');
    const partial = await joinery(['--cases', cases, '--only', 'username-contractor-employee-id', '--baseline', 'baseline.json', '--update-baseline']);
    expect(partial.code).toBe(2);
    expect(partial.stderr).toContain('--update-baseline needs every case');
  });
});
