import type { Command } from '../command.ts';
import { parseVersionedReference } from '../inputs.ts';

export const activateCommand: Command = {
  name: 'activate',
  summary: 'Point a function at an approved version (rollback)',
  usage: ['Usage: joinery activate <name>@<version> [--as <who>] [--json]', '', 'Only approved versions can be active. You act as JOINERY_USER or the OS user (see joinery publish --help for --as).'].join('\n'),
  options: { as: { type: 'string' } },
  async run({ positionals, values }, context, output) {
    const { name, version } = parseVersionedReference(positionals[0]);
    const registry = context.registry();
    const previous = registry.getActiveVersion(name)?.version ?? null;
    const actor = context.actor(values.as);
    registry.activate(name, version, { actor: actor.name, actorSource: actor.source });
    output.line(`✓ ${name} active version: ${version}${previous !== null ? ` (was ${previous})` : ''}`);
    output.result({ ok: true, name, activeVersion: version, previousVersion: previous });
    return 0;
  },
};
