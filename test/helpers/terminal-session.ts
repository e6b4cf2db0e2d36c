// A command driven in a real pseudo-terminal (test/helpers/pty-run.py, Python's pty module; no native
// dependency): wait until the screen shows some text, type a line, read the whole screen, get the exit
// code. Waits have a generous bound that only guards against a hang; nothing is timed.

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PTY_RUN = fileURLToPath(new URL('./pty-run.py', import.meta.url));
const HANG_GUARD_MS = 120_000;

export interface TerminalSession {
  /** Waits until `text` appears after the point the previous wait stopped at, and moves past it. */
  waitFor(text: string): Promise<void>;
  /** Types a line and presses Enter. */
  type(line: string): void;
  /** Everything the terminal has shown so far, escapes included. */
  screen(): string;
  exitCode: Promise<number>;
}

export function startTerminalSession({ command, args, cwd, env }: {
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
}): TerminalSession {
  const settings = { PATH: process.env.PATH ?? '', TERM: 'xterm-256color', ...env };
  const child = spawn('python3', [PTY_RUN, command, ...args], { cwd, env: settings, stdio: ['pipe', 'pipe', 'inherit'] });
  let shown = '';
  let cursor = 0;
  const waiters = new Set<() => void>();
  child.stdout.on('data', (chunk: Buffer) => {
    shown += chunk.toString('utf8');
    for (const check of waiters) check();
  });
  const exitCode = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  return {
    waitFor: (text) =>
      new Promise<void>((resolve, reject) => {
        const never = () => new Error(`the terminal never showed ${JSON.stringify(text)}; it shows:\n${shown.slice(cursor)}`);
        const guard = setTimeout(() => finish(never()), HANG_GUARD_MS);
        const finish = (error?: Error) => {
          clearTimeout(guard);
          waiters.delete(check);
          if (error) reject(error);
          else resolve();
        };
        const check = () => {
          const at = shown.indexOf(text, cursor);
          if (at < 0) return;
          cursor = at + text.length;
          finish();
        };
        waiters.add(check);
        void exitCode.then(() => waiters.has(check) && finish(new Error(`the command exited before showing ${JSON.stringify(text)}:\n${shown.slice(cursor)}`)));
        check();
      }),
    type: (line) => child.stdin.write(`${line}\r`),
    screen: () => shown,
    exitCode,
  };
}
