import { JoineryError } from '../../core/errors.ts';
import { versionIntegrity } from '../../core/registry/index.ts';
import type { Command } from '../command.ts';
import { parseReference } from '../inputs.ts';

export const showCommand: Command = {
  name: 'show',
  summary: 'Show a version: manifest, status, reviews, provenance, spec and source',
  usage: ['Usage: joinery show <name>[@<version>] [--json]', '', 'Without a version, shows the latest. The sha256 is recomputed from the stored source and bundle;', 'a mismatch (the version was altered after publication) is reported and exits 3.'].join('\n'),
  options: {},
  async run({ positionals, values }, context, output) {
    const { name, version } = parseReference(positionals[0]);
    const registry = context.registry();
    const record = registry.getVersion(name, version);
    if (!record) throw new JoineryError('NOT_FOUND', version === undefined ? `no function named "${name}"` : `no version ${name}@${version}`);
    const reviews = registry.listReviews(name, record.version);
    const active = registry.getActiveVersion(name)?.version ?? null;
    const { manifest } = record;
    output.line(`${name}@${record.version}  ${record.status}${active === record.version ? ' (active)' : ''}`);
    output.line(`  ${manifest.description}`);
    output.line(`  trigger ${manifest.trigger}; egress ${manifest.egress.join(', ') || '(none)'}; secrets ${manifest.secrets.join(', ') || '(none)'}`);
    output.line(`  author ${record.author}${record.requestedBy ? `, requested by ${record.requestedBy}` : ''}; published ${record.createdAt}; parent ${record.parentVersion ?? '-'}`);
    const integrity = versionIntegrity(record);
    output.line(integrity.ok
      ? `  sha256 ${record.sha256} (matches the source and bundle); ${record.fixtures.length} fixtures`
      : `  ✗ sha256 MISMATCH: stored ${integrity.stored}, but the source and bundle hash to ${integrity.computed}; this version was altered after publication and will not run`);
    for (const review of reviews) output.line(`  review: ${review.decision} by ${review.reviewer} at ${review.createdAt}${review.comment ? `: ${review.comment}` : ''}`);
    if (record.spec) output.line(`\n${record.spec.trimEnd()}`);
    output.line(`\n${record.source.trimEnd()}`);
    const { bundle: _bundle, sourceMap: _sourceMap, ...withoutBuild } = record;
    output.result({ ok: integrity.ok, version: withoutBuild, reviews, activeVersion: active, integrity });
    return integrity.ok ? 0 : 3;
  },
};
