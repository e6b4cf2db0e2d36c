import { diffVersions } from '../../core/diff/index.ts';
import { JoineryError } from '../../core/errors.ts';
import type { Command } from '../command.ts';
import { parseReference, parseVersionNumber } from '../inputs.ts';

export const diffCommand: Command = {
  name: 'diff',
  summary: 'Diff two versions: source, and the egress hosts and secrets added or removed',
  usage: 'Usage: joinery diff <name> <v1> <v2> [--json]',
  options: {},
  async run({ positionals, values }, context, output) {
    const { name } = parseReference(positionals[0]);
    const from = parseVersionNumber(positionals[1], 'v1');
    const to = parseVersionNumber(positionals[2], 'v2');
    const registry = context.registry();
    const [before, after] = [from, to].map((version) => {
      const record = registry.getVersion(name, version);
      if (!record) throw new JoineryError('NOT_FOUND', `no version ${name}@${version}`);
      return record;
    });
    const diff = diffVersions(before!, after!);
    const reach = (label: string, change: { added: string[]; removed: string[] }) => [
      ...change.added.map((item) => `  + ${label} ${item}`),
      ...change.removed.map((item) => `  - ${label} ${item}`),
    ];
    const reachLines = [...reach('egress', diff.egress), ...reach('secret', diff.secrets)];
    if (diff.trigger) reachLines.push(`  trigger ${diff.trigger.from} → ${diff.trigger.to}`);
    output.line(reachLines.length > 0 ? `Reach changes:\n${reachLines.join('\n')}` : 'Reach: no change to egress, secrets or trigger');
    output.line(`Fixtures: ${diff.fixtures.from} → ${diff.fixtures.to}`);
    output.line(diff.sourceDiff ? `\n${diff.sourceDiff}` : 'Source: identical');
    output.result({ ok: true, ...diff });
    return 0;
  },
};
