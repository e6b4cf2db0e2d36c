import { JoineryError } from '../../core/errors.ts';
import type { Command } from '../command.ts';
import { parseReference } from '../inputs.ts';
import { describeOutcome } from '../outcome.ts';

export const logsCommand: Command = {
  name: 'logs',
  summary: 'Show the execution log of a function (secrets redacted)',
  usage: [
    'Usage: joinery logs <name> [--limit <n>] [--id <execution>] [--json]',
    '',
    '  --limit <n>        newest n executions (default 20)',
    '  --id <execution>   one execution in full: input, output, logs, outgoing calls',
  ].join('\n'),
  options: { limit: { type: 'string' }, id: { type: 'string' } },
  async run({ positionals, values }, context, output) {
    const { name } = parseReference(positionals[0]);
    const registry = context.registry();
    if (typeof values.id === 'string') {
      const execution = /^\d+$/.test(values.id) ? registry.getExecution(Number(values.id)) : undefined;
      if (!execution || execution.name !== name) throw new JoineryError('NOT_FOUND', `no execution ${values.id} of ${name}`);
      output.line(JSON.stringify(execution, null, 2));
      output.result({ ok: true, execution });
      return 0;
    }
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new JoineryError('INVALID_INPUT', '--limit must be a whole number from 1 to 10000');
    if (!registry.getVersion(name)) throw new JoineryError('NOT_FOUND', `no function named "${name}"`);
    const executions = registry.listExecutions(name, { limit });
    if (executions.length === 0) output.line(`No executions of ${name} yet.`);
    for (const execution of executions) {
      output.line(`#${execution.id} ${execution.createdAt} v${execution.version} ${execution.caller}${execution.dryRun ? ' dry-run' : ''} ${Math.round(execution.durationMs)} ms: ${describeOutcome(execution.outcome)}`);
    }
    output.result({ ok: true, executions });
    return 0;
  },
};
