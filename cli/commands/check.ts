import { checkFunction } from '../../core/pipeline/index.ts';
import type { Command } from '../command.ts';
import { printCheck } from '../format.ts';
import { readTextFile } from '../inputs.ts';

export const checkCommand: Command = {
  name: 'check',
  summary: 'Type-check and bundle a function, and validate what it declares',
  usage: [
    'Usage: joinery check <file.ts> [--json]',
    '',
    'Type-checks against the SDK (ES2022 only, no Node globals), bundles with the package allowlist, and',
    'reads the manifest (name, trigger, egress, secrets) in the sandbox. Exit 1 when anything fails.',
  ].join('\n'),
  options: {},
  async run({ positionals, values }, context, output) {
    const [path] = positionals;
    if (!path || positionals.length > 1) {
      output.note(this.usage);
      return 2;
    }
    const source = readTextFile(context.cwd, path, 'function file');
    const check = await checkFunction({ source, toolchain: await context.toolchain() });
    printCheck(check, path, output);
    output.result({ ok: check.ok, problems: check.problems, manifest: check.manifest ?? null, durationMs: check.durationMs });
    return check.ok ? 0 : 1;
  },
};
