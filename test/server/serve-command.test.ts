// `joinery serve` as a real process: it listens, answers health checks, and on SIGTERM drains, logs that
// it stopped and exits 0. Bad options are refused before anything starts.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

const BIN = fileURLToPath(new URL('../../bin/joinery.js', import.meta.url));

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'joinery-serve-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

it('serves health checks and configured webhooks, and stops cleanly on SIGTERM', async () => {
  mkdirSync(home, { recursive: true });
  writeFileSync(join(home, 'config.json'), JSON.stringify({ hooks: { bamboohr: { secret: 'BAMBOOHR_WEBHOOK_SECRET', mapping: 'map-bamboohr' } } }));
  const child = spawn(process.execPath, ['--no-node-snapshot', BIN, 'serve', '--port', '0', '--workers', '1'], { env: { ...process.env, JOINERY_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = once(child, 'exit');
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(stderr);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
    });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    expect(await (await fetch(`${url}/metrics`)).text()).toContain('joinery_queue_depth 0');
    const unset = await fetch(`${url}/v1/hooks/bamboohr`, { method: 'POST', body: '{}' });
    expect([unset.status, await unset.text()]).toEqual([503, expect.stringContaining('joinery secret set BAMBOOHR_WEBHOOK_SECRET')]);
    expect((await fetch(`${url}/v1/hooks/workday`, { method: 'POST', body: '{}' })).status).toBe(404);
  } finally {
    child.kill('SIGTERM');
  }
  const [code] = await exited;
  expect(code).toBe(0);
  const messages = stdout.split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { msg: string }).msg);
  expect(messages).toEqual(expect.arrayContaining(['joinery serve listening', 'joinery serve stopped']));
}, 60_000);

it('refuses to start with an idempotencyKeys entry that is not a host, naming config.json', async () => {
  const joineryHome = join(home, '.joinery');
  mkdirSync(joineryHome, { recursive: true });
  writeFileSync(join(joineryHome, 'config.json'), JSON.stringify({ idempotencyKeys: ['https://api.example.com/path'] }));
  const result = await runCli(['serve', '--port', '0'], { cwd: home, home: joineryHome });
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('config.json idempotencyKeys:');
});

it.each([
  [['--port', 'eighty']],
  [['--port', '70000']],
  [['--workers', '0']],
  [['--drain-seconds', '-1']],
])('refuses serve %j with exit 2', async (options) => {
  const result = await runCli(['serve', ...options], { cwd: home, home: join(home, '.joinery') });
  expect(result.code).toBe(2);
});
