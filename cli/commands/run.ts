import { runFunction } from '../../core/pipeline/index.ts';
import type { Command } from '../command.ts';
import { parseJson, parseReference, readAll, readTextFile, requireString } from '../inputs.ts';
import { describeOutcome } from '../outcome.ts';

export const runCommand: Command = {
  name: 'run',
  summary: 'Run the active approved version (or a named approved one) on an event',
  usage: [
    'Usage: joinery run <name>[@<version>] --input <file.json|-> [--dry-run] [--as <caller>] [--json]',
    '',
    '  --input <file>  the lifecycle event as JSON; - reads standard input',
    '  --dry-run       record outgoing HTTP calls instead of sending them (answered 202 {"dryRun":true})',
    '  --as <caller>   recorded as the caller: you (JOINERY_USER or the OS user), or anyone under localTrust',
    '',
    'Outgoing HTTP goes only to the version\'s declared egress hosts; secret values come from the encrypted',
    'store and go into requests at egress, each to its bound hosts only. A dry run needs no secret set.',
    'Every run is logged (joinery logs <name>) with secrets shown as [secret:NAME]. Exit 1 when the function',
    'did not return (threw, timed out, ran out of memory, crashed).',
  ].join('\n'),
  options: { input: { type: 'string' }, 'dry-run': { type: 'boolean' }, as: { type: 'string' } },
  async run({ positionals, values }, context, output) {
    const { name, version } = parseReference(positionals[0]);
    const inputPath = requireString(values.input, '--input <file>');
    const text = inputPath === '-' ? await readAll(context.stdin) : readTextFile(context.cwd, inputPath, 'input file');
    const event = parseJson(text, inputPath === '-' ? 'standard input' : inputPath);
    const dryRun = Boolean(values['dry-run']);
    const registry = context.registry();
    const toolchain = await context.toolchain();
    const execution = await runFunction({
      name,
      version,
      event,
      caller: context.actor(values.as).name,
      dryRun,
      registry,
      directory: context.directory(),
      secrets: context.secrets(),
      fetchFor: (egress) => context.fetchFor(egress, dryRun),
      runner: toolchain.runner,
      limits: toolchain.limits,
      ledger: context.stores().ledger(),
    });
    output.line(`${name}@${execution.version}${dryRun ? ' (dry run)' : ''}: ${describeOutcome(execution.outcome)}  [execution ${execution.id}, ${Math.round(execution.durationMs)} ms]`);
    for (const call of execution.calls) output.line(`  ${dryRun ? 'would call' : 'called'} ${call.method} ${call.url}`);
    for (const log of execution.logs) output.line(`  ${log.level}: ${log.message}`);
    output.result({ ok: execution.outcome.kind === 'returned', execution });
    return execution.outcome.kind === 'returned' ? 0 : 1;
  },
};
