import { JoineryError } from '../../core/errors.ts';
import { resumeTarget } from '../../core/guards/index.ts';
import type { Command } from '../command.ts';
import { table } from '../table.ts';

export const resumeCommand: Command = {
  name: 'resume',
  summary: 'Lift a quarantined function or flow and replay the events held for it',
  usage: [
    'Usage: joinery resume <function-or-flow> [--as <operator>] [--json]',
    '       joinery resume --list [--json]',
    '',
    '  --as <name>  recorded in the audit log as who resumed (default: JOINERY_USER or the OS user)',
    '  --list       the quarantined functions and flows, why, since when, and how many events wait',
    '',
    'joinery serve quarantines a function or flow past its blast-radius limits (config.json "guards") and',
    'holds its new events. Resuming starts its counts over and puts every held event back in the queue;',
    'steps that already returned are not run again. Give "flow:<name>" or "function:<name>" when a',
    'function and a flow share a name and only one should resume.',
  ].join('\n'),
  options: { as: { type: 'string' }, list: { type: 'boolean' } },
  async run({ positionals, values }, context, output) {
    const [name, ...extra] = positionals;
    if (extra.length > 0) throw new JoineryError('INVALID_INPUT', `unexpected arguments: ${extra.join(' ')}`);
    const store = context.stores().guards();
    if (values.list) {
      const quarantines = store.listQuarantines();
      output.line(quarantines.length === 0 ? 'Nothing is quarantined.' : table(['target', 'since', 'held', 'reason'], quarantines.map((entry) => [entry.target, entry.since, String(entry.heldEvents.length), entry.reason])));
      output.result({ ok: true, quarantines });
      return 0;
    }
    if (name === undefined || name.length === 0) throw new JoineryError('INVALID_INPUT', 'say what to resume: joinery resume <function-or-flow> (or --list)');
    const actor = context.actor(values.as).name;
    const audit = context.registry();
    const result = await resumeTarget({ name, actor, store, queue: context.stores().queue(), audit: (entry) => audit.recordAudit(entry) });
    output.line(`✓ resumed ${result.lifted.join(', ')}; ${result.replayed.length} held event${result.replayed.length === 1 ? '' : 's'} queued again`);
    output.result({ ok: true, ...result });
    return 0;
  },
};
