import type { Command } from '../command.ts';
import { table } from '../table.ts';

export const listCommand: Command = {
  name: 'list',
  summary: 'List the functions in the registry',
  usage: 'Usage: joinery list [--json]',
  options: {},
  async run({ values }, context, output) {
    const functions = context.registry().listFunctions();
    if (functions.length === 0) output.line('No functions yet. Publish one with: joinery publish <file.ts> --as <you>');
    else output.line(table(['name', 'latest', 'status', 'active', 'description'], functions.map((f) => [f.name, String(f.latestVersion), f.latestStatus, f.activeVersion === null ? '-' : String(f.activeVersion), f.description])));
    output.result({ ok: true, functions });
    return 0;
  },
};
