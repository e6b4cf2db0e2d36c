// Runs the joinery CLI in process with captured output, a fresh composition root per call (as a real
// process would have), and a given JOINERY_HOME and working directory. A suite that runs many commands
// may pass `toolchain` (from a context it keeps open, see sharedToolchain) so that the compiler and the
// executor processes start once for the suite instead of once per command; everything else stays fresh.

import { Readable, Writable } from 'node:stream';
import { createCliContext, type CliContext } from '../../cli/context.ts';
import { main } from '../../cli/main.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  json(): any;
}

function sink(): { stream: Writable; text(): string } {
  const chunks: string[] = [];
  const stream = new Writable({ write(chunk, _encoding, done) { chunks.push(String(chunk)); done(); } });
  return { stream, text: () => chunks.join('') };
}

interface RunCliOptions {
  cwd: string;
  home: string;
  stdin?: string;
  env?: Record<string, string>;
  toolchain?: CliContext['toolchain'];
}

export async function runCli(args: string[], { cwd, home, stdin = '', env = {}, toolchain }: RunCliOptions): Promise<CliRun> {
  const stdout = sink();
  const stderr = sink();
  const context = createCliContext({
    cwd,
    env: { JOINERY_HOME: home, JOINERY_USER: 'tester', ...env },
    stdin: Readable.from([stdin]),
    stdout: stdout.stream,
    stderr: stderr.stream,
  });
  if (toolchain !== undefined) context.toolchain = toolchain;
  const code = await main(args, context);
  return { code, stdout: stdout.text(), stderr: stderr.text(), json: () => JSON.parse(stdout.text()) };
}

/** The toolchain a command on this home would build (same config), kept open across commands: pass its
 *  `toolchain` to runCli and call `close` when the suite ends. */
export function sharedToolchain({ cwd, home, env = {} }: { cwd: string; home: string; env?: Record<string, string> }): Pick<CliContext, 'toolchain' | 'close'> {
  const context = createCliContext({ cwd, env: { JOINERY_HOME: home, JOINERY_USER: 'tester', ...env } });
  return { toolchain: context.toolchain, close: context.close };
}
