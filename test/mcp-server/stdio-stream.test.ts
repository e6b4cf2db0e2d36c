// serveStdio on in-memory streams: garbage lines do not stop it, stray console output goes to standard
// error rather than into the protocol stream, and it returns when the input ends.

import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { serveStdio } from '../../mcp-server/index.ts';
import { createHarness } from './harness.ts';

const harness = createHarness();
afterAll(() => harness.close());

function lines(stream: PassThrough): () => string[] {
  let text = '';
  stream.on('data', (chunk) => (text += String(chunk)));
  return () => text.split('\n').filter(Boolean);
}

describe('serveStdio', () => {
  it('answers after garbage, keeps stdout to protocol messages only, and returns at end of input', async () => {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const out = lines(stdout);
    const err = lines(stderr);
    const originalLog = console.log;
    const serving = serveStdio({ ...harness.deps, log: undefined, localPrincipal: { name: 'ada', role: 'admin' } }, { stdin, stdout, stderr });

    stdin.write('this is not json\n');
    stdin.write('{"jsonrpc":"2.0","id":1,"method":"no/such/method"}\n');
    stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } } })}\n`);
    await expect.poll(() => out().length).toBe(2);
    console.log('a library printing to stdout');
    stdin.write('{"jsonrpc":"2.0","method":"notifications/initialized"}\n');
    stdin.write('{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"list_functions","arguments":{}}}\n');
    await expect.poll(() => out().length).toBe(3);

    const messages = out().map((line) => JSON.parse(line));
    expect(messages.map((message) => message.id)).toEqual([1, 2, 3]);
    expect(messages[0].error.code).toBe(-32601);
    expect(messages[1].result.serverInfo.name).toBe('joinery');
    expect(messages[2].result.structuredContent).toEqual({ functions: [] });
    expect(err()).toContain('a library printing to stdout');

    stdin.end();
    await serving;
    expect(console.log).toBe(originalLog);
    expect(err()).toContain('joinery mcp: serving on stdio');
  });
});
