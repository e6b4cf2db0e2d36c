// The shape of one sub-command. Each lives in its own file under commands/ and is listed in commands/index.ts.

import type { ParseArgsConfig } from 'node:util';
import type { CliContext } from './context.ts';
import type { Output } from './output.ts';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface ParsedCommand {
  positionals: string[];
  values: Record<string, string | boolean | Array<string | boolean> | undefined>;
}

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The usage line(s) and option help printed by `--help`. */
  usage: string;
  options: OptionSpec;
  /** Returns the exit code: 0 ok, 1 checks or tests failed, 2 bad usage or input. `output` honours --json. */
  run(parsed: ParsedCommand, context: CliContext, output: Output): Promise<number>;
}

/** Options every command accepts. */
export const COMMON_OPTIONS: OptionSpec = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
};
