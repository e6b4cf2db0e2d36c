// tsgo's process as the TypeScript 7 client holds it: the time limit needs its pid (to kill it from
// another thread) and its exit (so the worker reaps it before it ends: no zombie is left).

import type { ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import type { API } from 'typescript/unstable/sync';

/**
 * tsgo's process. typescript@7.0.2 exposes no accessor, so this reads the sync client's channel
 * (`api.client.channel.child`); ts7-api-contract.test.ts pins the path. Undefined if it moves.
 */
export function compilerProcess(api: API): ChildProcess | undefined {
  const child = (api as unknown as { client?: { channel?: { child?: unknown } } }).client?.channel?.child;
  return child instanceof EventEmitter && typeof (child as Partial<ChildProcess>).pid === 'number' ? (child as ChildProcess) : undefined;
}

/** Ends tsgo without its client, whose channel may be broken mid-message. */
export function endProcess(compiler: ChildProcess | undefined): void {
  compiler?.stdout?.destroy();
  compiler?.stdin?.destroy();
  compiler?.kill('SIGKILL');
}

/** Settles once tsgo has exited and its parent thread has reaped it. */
export function exitOf(compiler: ChildProcess | undefined): Promise<void> {
  if (compiler === undefined || compiler.exitCode !== null || compiler.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => compiler.once('exit', () => resolve()));
}
