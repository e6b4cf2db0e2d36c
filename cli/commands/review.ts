import { JoineryError } from '../../core/errors.ts';
import type { Command } from '../command.ts';
import { parseVersionedReference } from '../inputs.ts';

export const reviewCommand: Command = {
  name: 'review',
  summary: 'Approve or reject a pending version (four eyes: not your own)',
  usage: [
    'Usage: joinery review <name>@<version> --approve|--reject [--as <who>] [--comment <text>] [--json]',
    '',
    'You review as JOINERY_USER or the OS user; --as names someone else only when config.json sets',
    '"localTrust": true (recorded as such). Nobody may review a version they authored or requested (names',
    'compared ignoring case, width and accents written two ways). Approving makes the version active.',
  ].join('\n'),
  options: { approve: { type: 'boolean' }, reject: { type: 'boolean' }, comment: { type: 'string' }, as: { type: 'string' } },
  async run({ positionals, values }, context, output) {
    const { name, version } = parseVersionedReference(positionals[0]);
    if (Boolean(values.approve) === Boolean(values.reject)) throw new JoineryError('INVALID_INPUT', 'give exactly one of --approve or --reject');
    const actor = context.actor(values.as);
    const reviewer = actor.name;
    const decision = values.approve ? 'approved' : 'rejected';
    const comment = typeof values.comment === 'string' ? values.comment : null;
    const review = context.registry().review({ name, version, reviewer, decision, comment, actorSource: actor.source });
    output.line(`✓ ${name}@${version} ${decision} by ${reviewer}${decision === 'approved' ? `; ${name}@${version} is now active` : ''}`);
    output.result({ ok: true, review });
    return 0;
  },
};
