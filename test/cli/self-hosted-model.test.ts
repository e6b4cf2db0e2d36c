// `joinery author` with a self-hosted model: JOINERY_MODEL_URL / JOINERY_MODEL select it (ahead of an
// Anthropic key), a missing or unreachable URL is a clear error naming it, and the cost shows as unknown.
// The server is the loopback Chat Completions fake; no model is measured.

import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeChatCompletionsApi } from '../../agent/index.ts';
import { FIXTURES, GOOD_SOURCE, reply, SPEC, tool } from '../agent/scripted-replies.ts';
import { runCli } from '../helpers/run-cli.ts';

const REQUIREMENT = 'Greet new joiners by first name.';
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function folder(): { cwd: string; home: string } {
  const cwd = mkdtempSync(join(tmpdir(), 'joinery-self-hosted-'));
  folders.push(cwd);
  return { cwd, home: join(cwd, '.joinery') };
}

describe('joinery author with a self-hosted model', () => {
  it('uses the server at JOINERY_MODEL_URL, even with an Anthropic key set, and shows the cost as n/a', async () => {
    const api = await startFakeChatCompletionsApi({
      replies: [
        reply(tool('write_spec', { spec: SPEC }), tool('write_function', { source: GOOD_SOURCE }), tool('write_fixtures', { fixtures: FIXTURES })),
        reply(tool('run_fixtures', {})),
        reply(tool('finish', { summary: 'done' })),
      ],
    });
    try {
      const env = { JOINERY_MODEL_URL: api.baseURL, JOINERY_MODEL: 'qwen2.5-coder', ANTHROPIC_API_KEY: 'sk-ant-not-to-be-used' };
      const run = await runCli(['author', REQUIREMENT, '--out', 'rules'], { ...folder(), env });
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/✓ done \(openai-compatible, 3 turns, \d+ tokens, cost n\/a, \d+ ms\)/);
      expect(api.requests.map((request) => request.body.model)).toEqual(['qwen2.5-coder', 'qwen2.5-coder', 'qwen2.5-coder']);
      expect(api.requests[0]?.headers.authorization).toBeUndefined();
      const json = await runCli(['author', REQUIREMENT, '--out', 'rules', '--json'], { ...folder(), env });
      expect(json.json()).toMatchObject({ ok: false, provider: 'openai-compatible', usage: { costUsd: null } });
    } finally {
      await api.close();
    }
  });

  it.each([
    [{ JOINERY_MODEL: 'qwen' }, "needs JOINERY_MODEL_URL, the server's base URL (e.g. http://localhost:11434/v1 for Ollama"],
    [{ JOINERY_MODEL_URL: 'http://localhost:11434/v1' }, 'needs JOINERY_MODEL, the name of a model the server at http://localhost:11434/v1 serves'],
  ])('refuses to start without the URL or the model (%j)', async (env, message) => {
    const run = await runCli(['author', REQUIREMENT, '--provider', 'openai-compatible', '--json'], { ...folder(), env });
    expect(run.code).toBe(2);
    expect(run.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining(message) } });
  });

  it('stops with a reason naming an unreachable URL, without a stack', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const env = { JOINERY_MODEL_URL: `http://127.0.0.1:${port}/v1`, JOINERY_MODEL: 'qwen' };
    const run = await runCli(['author', REQUIREMENT, '--provider', 'openai-compatible'], { ...folder(), env });
    expect(run.code).toBe(1);
    const reason = 'could not be reached (ECONNREFUSED); is it running, and is JOINERY_MODEL_URL right?';
    expect(run.stdout).toContain(`✗ the model server at http://127.0.0.1:${port}/v1 ${reason}`);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/\n\s+at /);
  });
});
