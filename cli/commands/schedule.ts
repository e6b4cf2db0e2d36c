import { JoineryError } from '../../core/errors.ts';
import type { ScheduleStore } from '../../core/schedules/index.ts';
import type { Command, ParsedCommand } from '../command.ts';
import type { CliContext } from '../context.ts';
import { requireString } from '../inputs.ts';
import type { Output } from '../output.ts';
import { table } from '../table.ts';

export const scheduleCommand: Command = {
  name: 'schedule',
  summary: 'Cron triggers: fire a function or flow on a schedule while joinery serve runs',
  usage: [
    'Usage: joinery schedule set <name> --cron "<m h dom mon dow>" (--function <name> | --flow <name>) [--as <who>] [--json]',
    '       joinery schedule list [--json]',
    '       joinery schedule remove <name> [--as <who>] [--json]',
    '',
    'Cron has five fields, evaluated in UTC: *, numbers, ranges a-b, steps */n, comma lists; day of week 0-7.',
    'Each due time queues one event { "type": "schedule", "id": "schedule:<name>:<time>", "schedule": {...} }',
    'that runs the function (or the flow\'s active version). Runs missed while joinery serve was down run',
    'once, with "coalesced" counting the fire times they stand for. Changes are audited.',
  ].join('\n'),
  options: { cron: { type: 'string' }, function: { type: 'string' }, flow: { type: 'string' }, as: { type: 'string' } },
  async run(parsed, context, output) {
    const [action, name, ...extra] = parsed.positionals;
    if (extra.length > 0) throw new JoineryError('INVALID_INPUT', `unexpected arguments: ${extra.join(' ')}`);
    const schedules = context.stores().schedules();
    if (action === 'set') return set(schedules, requireString(name, 'the schedule name'), parsed, context, output);
    if (action === 'remove') return remove(schedules, requireString(name, 'the schedule name'), parsed, context, output);
    if (action === 'list') return list(schedules, output);
    throw new JoineryError('INVALID_INPUT', `say what to do: joinery schedule set | list | remove${action === undefined ? '' : ` (not "${action}")`}`);
  },
};

function set(schedules: ScheduleStore, name: string, { values }: ParsedCommand, context: CliContext, output: Output): number {
  const cron = requireString(values.cron, '--cron "<m h dom mon dow>"');
  const fn = typeof values.function === 'string' ? values.function : undefined;
  const flow = typeof values.flow === 'string' ? values.flow : undefined;
  if ((fn === undefined) === (flow === undefined)) throw new JoineryError('INVALID_INPUT', 'give exactly one of --function <name> or --flow <name>');
  const target = fn === undefined ? { kind: 'flow' as const, name: flow ?? '' } : { kind: 'function' as const, name: fn };
  const record = schedules.set({ name, cron, target, at: Date.now() });
  context.registry().recordAudit({ actor: actorOf(values, context), action: 'schedule.set', target: name, allowed: true, detail: { cron: record.cron, target } });
  output.line(`✓ schedule ${name}: "${record.cron}" (UTC) fires the ${target.kind} ${target.name}`);
  output.result({ ok: true, schedule: record });
  return 0;
}

function remove(schedules: ScheduleStore, name: string, { values }: ParsedCommand, context: CliContext, output: Output): number {
  if (!schedules.remove(name)) throw new JoineryError('NOT_FOUND', `no schedule named ${JSON.stringify(name)}`);
  context.registry().recordAudit({ actor: actorOf(values, context), action: 'schedule.remove', target: name, allowed: true });
  output.line(`✓ schedule ${name} removed`);
  output.result({ ok: true });
  return 0;
}

function list(schedules: ScheduleStore, output: Output): number {
  const records = schedules.list();
  output.line(
    records.length === 0
      ? 'No schedules. Add one: joinery schedule set <name> --cron "0 9 * * 1-5" --function <name>'
      : table(['name', 'cron (UTC)', 'runs', 'last fired'], records.map((record) => [record.name, record.cron, `${record.target.kind} ${record.target.name}`, record.lastFiredAt ?? 'never'])),
  );
  output.result({ ok: true, schedules: records });
  return 0;
}

function actorOf(values: ParsedCommand['values'], context: CliContext): string {
  return context.actor(values.as).name;
}
