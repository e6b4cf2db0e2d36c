// `joinery mcp`: the server on standard input and output. Standard output carries protocol messages and
// nothing else, so while it serves, console output is routed to standard error. Returns when the client
// closes the stream or the process is asked to stop.

import { format } from 'node:util';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { visibleText } from '../../core/text/index.ts';
import { createServer } from '../create-server.ts';
import type { McpServerDeps } from '../deps.ts';

export async function serveStdio(
  deps: McpServerDeps,
  {
    stdin = process.stdin,
    stdout = process.stdout,
    stderr = process.stderr,
    onInitialized,
  }: {
    stdin?: NodeJS.ReadableStream & { pause(): unknown };
    stdout?: NodeJS.WritableStream;
    stderr?: NodeJS.WritableStream;
    /** Called once the client has sent `initialized`: the moment to warm what the first calls need. */
    onInitialized?: () => void;
  } = {},
): Promise<void> {
  const log = deps.log ?? ((line: string) => stderr.write(`${visibleText(line)}\n`));
  const restoreConsole = routeConsoleTo(stderr);
  const { server, close } = createServer({ ...deps, log });
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = () => resolve();
  });
  server.server.onerror = (error) => log(`joinery mcp: ${error.message}`);
  if (onInitialized) server.server.oninitialized = onInitialized;
  const stop = () => void close().catch(() => {});
  const signals = ['SIGINT', 'SIGTERM'] as const;
  for (const signal of signals) process.once(signal, stop);
  stdin.once('end', stop);
  stdin.once('close', stop);
  try {
    await server.connect(new StdioServerTransport(stdin as typeof process.stdin, stdout as typeof process.stdout));
    log('joinery mcp: serving on stdio');
    await closed;
  } finally {
    for (const signal of signals) process.off(signal, stop);
    stdin.off('end', stop);
    stdin.off('close', stop);
    restoreConsole();
  }
}

/** A stray console.log from any library would corrupt the protocol stream. */
function routeConsoleTo(stream: NodeJS.WritableStream): () => void {
  const saved = { log: console.log, info: console.info, debug: console.debug };
  const write = (...args: unknown[]) => void stream.write(`${visibleText(format(...args))}\n`);
  console.log = write;
  console.info = write;
  console.debug = write;
  return () => Object.assign(console, saved);
}
