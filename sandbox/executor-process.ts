// Starts the executor child: `node --no-node-snapshot` (isolated-vm needs it), compiled, or from the
// sources through tsx's ESM loader (core/runtime-entry). The child never keeps the parent alive while idle,
// and dies with it.
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { RunLimits } from '../core/execution/types.ts';
import { runtimeEntry } from '../core/runtime-entry/index.ts';
import type { BundleCacheBounds } from './bundle-cache.ts';
import type { ChildMessage, ParentMessage } from './executor-protocol.ts';
import type { WarmIsolateOptions } from './warm-isolates.ts';

export interface ExecutorProcess {
  readonly pid: number | undefined;
  /** Resolves once the child loaded isolated-vm; rejects if it exits first. */
  readonly ready: Promise<void>;
  /** Resolves when the process has exited, with how ("exit code 0", "signal SIGKILL"). */
  readonly exited: Promise<string>;
  send(message: ParentMessage): void;
  /** Holds the parent's event loop open while a job is in flight, releases it when idle. */
  setBusy(busy: boolean): void;
  kill(): void;
}

// Defence in depth: the child gets only what Node needs, so code that ever got out of an isolate would
// find no credentials (API keys, tokens) in its environment.
const INHERITED_ENVIRONMENT = ['PATH', 'TZ', 'LANG', 'LC_ALL', 'TMPDIR', 'TEMP', 'TMP', 'SYSTEMROOT'];

const liveChildren = new Set<ChildProcess>();
/** Loading tsx and isolated-vm takes well under a second; a child silent for this long is stuck. */
const STARTUP_TIMEOUT_MS = 30_000;
let exitHookInstalled = false;

function childEntry(): { path: URL; execArgv: string[] } {
  const { compiled, url: path } = runtimeEntry(import.meta.url, 'executor-child');
  const execArgv = ['--no-node-snapshot'];
  if (!compiled) execArgv.push('--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href);
  return { path, execArgv };
}

function killLiveChildrenOnExit(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of liveChildren) child.kill('SIGKILL');
  });
}

export function spawnExecutorProcess({
  limits,
  warmIsolates = {},
  bundleCache = {},
  onMessage,
  onExit,
}: {
  limits: RunLimits;
  warmIsolates?: WarmIsolateOptions;
  bundleCache?: BundleCacheBounds;
  onMessage: (message: ChildMessage) => void;
  onExit: (description: string) => void;
}): ExecutorProcess {
  const { path, execArgv } = childEntry();
  const env = Object.fromEntries(INHERITED_ENVIRONMENT.flatMap((name) => (process.env[name] === undefined ? [] : [[name, process.env[name]]])));
  const child = fork(path, [JSON.stringify(limits), JSON.stringify(warmIsolates), JSON.stringify(bundleCache)], { execArgv, env, serialization: 'json', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  liveChildren.add(child);
  killLiveChildrenOnExit();
  child.unref();
  child.channel?.unref();

  let markReady: () => void = () => undefined;
  let failStart: (error: Error) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    failStart = reject;
  });
  ready.catch(() => undefined);
  const startupTimer = setTimeout(() => child.kill('SIGKILL'), STARTUP_TIMEOUT_MS);
  startupTimer.unref();
  let markExited: (description: string) => void = () => undefined;
  const exited = new Promise<string>((resolve) => {
    markExited = resolve;
  });

  child.on('message', (message: ChildMessage) => {
    if (message.type === 'ready') {
      clearTimeout(startupTimer);
      markReady();
    }
    else onMessage(message);
  });
  child.on('error', () => undefined); // surfaced through 'exit'
  child.on('exit', (code, signal) => {
    liveChildren.delete(child);
    clearTimeout(startupTimer);
    const description = signal === null ? `exit code ${code}` : `signal ${signal}`;
    failStart(new Error(`the executor process exited during startup (${description})`));
    onExit(description);
    markExited(description);
  });

  return {
    pid: child.pid,
    ready,
    exited,
    send(message) {
      try {
        if (child.connected) child.send(message);
      } catch {
        child.kill('SIGKILL'); // a message that cannot travel leaves the job nowhere to go: end it as crashed
      }
    },
    // Both handles: the channel carries the answer, the process handle delivers 'exit' if the child dies.
    setBusy(busy) {
      if (busy) {
        child.ref();
        child.channel?.ref();
      } else {
        child.unref();
        child.channel?.unref();
      }
    },
    kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.ref(); // keep the parent alive until 'exit' is delivered and the jobs it ends are settled
      child.kill('SIGKILL');
    },
  };
}
