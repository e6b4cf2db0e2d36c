import { formatAudit, type AuditFilter } from '../../core/audit/index.ts';
import { JoineryError } from '../../core/errors.ts';
import type { Command } from '../command.ts';
import { writeData } from '../output.ts';
import { wholeNumberOption } from '../whole-number-option.ts';

export const auditCommand: Command = {
  name: 'audit',
  summary: 'Export the audit trail (CSV or JSON lines), or purge execution payloads past retention',
  usage: [
    'Usage: joinery audit export [--format csv|jsonl] [--since <time>] [--until <time>] [--actor <name>] [--action <action>]',
    '       joinery audit purge [--days <n>] [--json]',
    '',
    '  export    every audit entry and review, oldest first, on standard output (redirect it to a file)',
    "  --format  csv (default; RFC 4180, formula-like cells prefixed with ') or jsonl (one JSON object a line)",
    '  --since, --until   ISO 8601 times (inclusive, exclusive); --action review. matches every review',
    '  purge     removes input, calls, output and error text of executions older than --days (default:',
    '            config.json retention.executionPayloadDays); the audit trail is kept. joinery serve',
    '            purges hourly on its own when that setting is present.',
  ].join('\n'),
  options: {
    format: { type: 'string' },
    since: { type: 'string' },
    until: { type: 'string' },
    actor: { type: 'string' },
    action: { type: 'string' },
    days: { type: 'string' },
  },
  async run({ positionals, values }, context, output) {
    const [action, ...extra] = positionals;
    if (extra.length > 0) throw new JoineryError('INVALID_INPUT', `unexpected arguments: ${extra.join(' ')}`);
    if (action === 'export') {
      const format = values.format ?? 'csv';
      if (format !== 'csv' && format !== 'jsonl') throw new JoineryError('INVALID_INPUT', '--format must be csv or jsonl');
      const trail = context.stores().auditTrail();
      for (const chunk of formatAudit(trail.entries(filterOf(values)), format)) writeData(context.stdout, chunk);
      return 0;
    }
    if (action === 'purge') {
      const configured = context.config().retention.executionPayloadDays;
      const days = wholeNumberOption(values.days, '--days', {
        min: 1,
        max: 36_500,
        fallback: configured ?? 0,
      });
      if (days === 0) throw new JoineryError('INVALID_INPUT', 'give --days <n>, or set retention.executionPayloadDays in config.json');
      const result = context.stores().retention().purgeExecutionPayloads({
        olderThanDays: days,
        actor: context.actor().name,
      });
      output.line(
        `Purged the payloads of ${result.purged} execution${result.purged === 1 ? '' : 's'} recorded before ${result.cutoff}; the audit trail is kept.`,
      );
      output.result({ ok: true, ...result });
      return 0;
    }
    throw new JoineryError('INVALID_INPUT', 'expected a sub-command: joinery audit export | purge');
  },
};

function filterOf(values: Record<string, unknown>): AuditFilter {
  const filter: AuditFilter = {};
  for (const key of ['since', 'until'] as const) {
    const value = values[key];
    if (value === undefined) continue;
    const time = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
    if (Number.isNaN(time.getTime())) throw new JoineryError('INVALID_INPUT', `--${key}: expected an ISO 8601 time such as 2026-11-20T09:00:00Z`);
    filter[key] = time.toISOString();
  }
  if (typeof values.actor === 'string') filter.actor = values.actor;
  if (typeof values.action === 'string') filter.action = values.action;
  return filter;
}
