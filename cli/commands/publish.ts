import { publishFunction } from '../../core/pipeline/index.ts';
import type { Command } from '../command.ts';
import { printTest, testJson } from '../format.ts';
import { optionalSibling, readTextFile, siblingPath } from '../inputs.ts';

export const publishCommand: Command = {
  name: 'publish',
  summary: 'Publish a function as a new immutable version, pending review',
  usage: [
    'Usage: joinery publish <file.ts> [--as <who>] [--requested-by <who>] [--fixtures <file>] [--spec <file>] [--json]',
    '',
    '  --as <who>            the author; default and only choice without local trust: you (JOINERY_USER, else',
    '                        the OS user). Naming someone else needs "localTrust": true in config.json, and the',
    '                        version records that the author came from --as under local trust',
    '  --requested-by <who>  who asked for it; they may not approve it either',
    '  --fixtures <file>     default: <file>.fixtures.json',
    '  --spec <file>         default: <file>.spec.md when present',
    '',
    'Runs every gate (type-check, bundle, manifest, fixtures) and stores the source, bundle, manifest,',
    'fixtures and reports atomically. The version is pending review until someone else approves it.',
  ].join('\n'),
  options: { as: { type: 'string' }, 'requested-by': { type: 'string' }, fixtures: { type: 'string' }, spec: { type: 'string' } },
  async run({ positionals, values }, context, output) {
    const [path] = positionals;
    if (!path || positionals.length > 1) {
      output.note(this.usage);
      return 2;
    }
    const actor = context.actor(values.as);
    const author = actor.name;
    const fixturesPath = typeof values.fixtures === 'string' ? values.fixtures : siblingPath(path, '.fixtures.json');
    const source = readTextFile(context.cwd, path, 'function file');
    const fixturesText = readTextFile(context.cwd, fixturesPath, 'fixture file');
    const spec = typeof values.spec === 'string' ? readTextFile(context.cwd, values.spec, 'spec file') : optionalSibling(context.cwd, path, '.spec.md');
    const requestedBy = typeof values['requested-by'] === 'string' ? values['requested-by'] : null;

    const published = await publishFunction({ source, fixturesText, spec, author, requestedBy, actorSource: actor.source, toolchain: await context.toolchain(), registry: context.registry() });
    if (!published.ok) {
      printTest(published.test, { source: path, fixtures: fixturesPath }, output);
      output.line(`Not published: ${published.reason}.`);
      output.result({ ...testJson(published.test), ok: false, published: null, reason: published.reason });
      return published.test.fixtureProblems.length > 0 ? 2 : 1;
    }
    const { version } = published;
    output.line(`✓ published ${version.name}@${version.version} (sha256 ${version.sha256.slice(0, 12)}), status pending review`);
    output.line(`  ${published.test.report?.passed ?? 0} fixtures passed; egress ${version.manifest.egress.join(', ') || '(none)'}; secrets ${version.manifest.secrets.join(', ') || '(none)'}`);
    output.line(`  next: someone other than ${[author, requestedBy].filter(Boolean).join(' and ')} runs: joinery review ${version.name}@${version.version} --approve`);
    output.result({ ok: true, published: { name: version.name, version: version.version, sha256: version.sha256, status: version.status }, tests: testJson(published.test).tests });
    return 0;
  },
};
