// `joinery <command> [options]`: finds the command, parses its options strictly, runs it, maps errors to
// exit codes (0 ok, 1 checks or tests failed, 2 bad usage or input, 3 internal or integrity error).
// Start-up is part of the product (an assistant spawns `joinery mcp`, scripts call the CLI in loops): this
// file imports only the command table; a command's module and the composition root load when it runs.

import { parseArgs } from 'node:util';
import { COMMON_OPTIONS } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import type { CliContext } from './context.ts';
import { createOutput, reportError, writeVisible } from './output.ts';

/** Without `given`, the context (SQLite, the sandbox, the type-checker, all opened lazily) is made here. */
export async function main(argv: string[], given?: CliContext): Promise<number> {
  const [name, ...rest] = argv;
  const stdout = given?.stdout ?? process.stdout;
  const stderr = given?.stderr ?? process.stderr;
  const wantsJson = rest.includes('--json');
  const output = createOutput({ json: wantsJson, stdout, stderr, color: false });
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    writeVisible(stdout, overview());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    writeVisible(stdout, 'joinery 0.1.0\n');
    return 0;
  }
  const entry = COMMANDS.find((candidate) => candidate.name === name);
  if (!entry) {
    output.note(`error: unknown command "${name}". Run "joinery --help" for the list.`);
    output.result({ ok: false, error: { code: 'INVALID_INPUT', message: `unknown command "${name}"` } });
    return 2;
  }
  const command = await entry.load();
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: { ...COMMON_OPTIONS, ...command.options }, allowPositionals: true, strict: true });
  } catch (error) {
    output.note(`error: ${(error as Error).message}\n\n${command.usage}`);
    output.result({ ok: false, error: { code: 'INVALID_INPUT', message: (error as Error).message } });
    return 2;
  }
  if (parsed.values.help) {
    writeVisible(stdout, `${command.summary}\n\n${command.usage}\n`);
    return 0;
  }
  const context = given ?? (await import('./context.ts')).createCliContext();
  try {
    return await command.run(parsed, context, output);
  } catch (error) {
    return reportError(error, output);
  } finally {
    await context.close();
  }
}

function overview(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  const lines = COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return [
    'joinery: governed joiner / mover / leaver functions',
    '',
    'Usage: joinery <command> [options]     (every command takes --help and --json)',
    '',
    'Commands:',
    ...lines,
    '',
    'Data lives in ./.joinery unless JOINERY_HOME says otherwise.',
    'Exit codes: 0 ok, 1 checks or tests failed, 2 bad usage or input, 3 internal error or a stored version',
    'that no longer matches its sha256, 4 the author asks a question (joinery author --help).',
    '',
  ].join('\n');
}
