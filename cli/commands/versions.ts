import { JoineryError } from '../../core/errors.ts';
import type { Command } from '../command.ts';
import { parseReference } from '../inputs.ts';
import { table } from '../table.ts';

export const versionsCommand: Command = {
  name: 'versions',
  summary: 'List the versions of a function with status, author and reviewer gate',
  usage: 'Usage: joinery versions <name> [--json]',
  options: {},
  async run({ positionals, values }, context, output) {
    const { name } = parseReference(positionals[0]);
    const versions = context.registry().listVersions(name);
    if (versions.length === 0) throw new JoineryError('NOT_FOUND', `no function named "${name}"`);
    output.line(table(['version', 'status', 'active', 'author', 'requested by', 'created', 'sha256'], versions.map((v) => [String(v.version), v.status, v.active ? '*' : '', v.author, v.requestedBy ?? '-', v.createdAt, v.sha256.slice(0, 12)])));
    output.result({ ok: true, name, versions });
    return 0;
  },
};
