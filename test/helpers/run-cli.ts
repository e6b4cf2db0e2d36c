// Runs the joinery CLI in process with captured output, a fresh composition root per call (as a real
// process would have), and a given JOINERY_HOME and working directory.

import { Readable, Writable } from 'node:stream';
import { createCliContext } from '../../cli/context.ts';
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

export async function runCli(args: string[], { cwd, home, stdin = '', env = {} }: { cwd: string; home: string; stdin?: string; env?: Record<string, string> }): Promise<CliRun> {
  const stdout = sink();
  const stderr = sink();
  const context = createCliContext({
    cwd,
    env: { JOINERY_HOME: home, JOINERY_USER: 'tester', ...env },
    stdin: Readable.from([stdin]),
    stdout: stdout.stream,
    stderr: stderr.stream,
  });
  const code = await main(args, context);
  return { code, stdout: stdout.text(), stderr: stderr.text(), json: () => JSON.parse(stdout.text()) };
}
