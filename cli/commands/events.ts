import { JoineryError } from '../../core/errors.ts';
import { EVENT_STATUSES, type EventQueue, type EventStatus } from '../../core/events/index.ts';
import type { Command, ParsedCommand } from '../command.ts';
import type { CliContext } from '../context.ts';
import type { Output } from '../output.ts';
import { table } from '../table.ts';
import { wholeNumberOption } from '../whole-number-option.ts';

export const eventsCommand: Command = {
  name: 'events',
  summary: 'List, show and replay the lifecycle events joinery serve has queued',
  usage: [
    'Usage: joinery events list [--status <status>] [--limit <n>] [--json]',
    '       joinery events show <id> [--json]',
    '       joinery events replay <id> [--as <operator>] [--json]',
    '',
    `  --status <s>   only events in this status: ${EVENT_STATUSES.join(', ')}`,
    '  --limit <n>    newest n events (default 50)',
    '  --as <name>    who replayed, for the audit log: JOINERY_USER or the OS user; someone else only under localTrust',
    '',
    'replay puts a dead, failed or held event back in the queue, due now, with its attempts and results',
    'cleared; a running `joinery serve` picks it up.',
  ].join('\n'),
  options: { status: { type: 'string' }, limit: { type: 'string' }, as: { type: 'string' } },
  async run(parsed, context, output) {
    const [action, id, ...extra] = parsed.positionals;
    if (extra.length > 0) throw new JoineryError('INVALID_INPUT', `unexpected arguments: ${extra.join(' ')}`);
    const queue = context.stores().queue();
    if (action === 'list') return await listEvents(queue, parsed, output);
    if (action === 'show') return await showEvent(queue, requireId(id, 'show'), output);
    if (action === 'replay') return await replayEvent(queue, requireId(id, 'replay'), parsed, context, output);
    throw new JoineryError('INVALID_INPUT', `say what to do: joinery events list | show <id> | replay <id>${action === undefined ? '' : ` (not "${action}")`}`);
  },
};

async function listEvents(queue: EventQueue, { values }: ParsedCommand, output: Output): Promise<number> {
  const status = values.status;
  if (status !== undefined && !(EVENT_STATUSES as readonly unknown[]).includes(status)) {
    throw new JoineryError('INVALID_INPUT', `--status must be one of ${EVENT_STATUSES.join(', ')}`);
  }
  const limit = wholeNumberOption(values.limit, '--limit', { min: 1, max: 10_000, fallback: 50 });
  const events = await queue.list({ ...(status === undefined ? {} : { status: status as EventStatus }), limit });
  output.line(
    events.length === 0
      ? 'No events yet. joinery serve queues them: POST /v1/events'
      : table(['id', 'type', 'status', 'attempts', 'source', 'created', 'last error'], events.map((event) => [event.id, event.type, event.status, String(event.attempts), event.source, event.createdAt, event.lastError ?? ''])),
  );
  output.result({ ok: true, events });
  return 0;
}

async function showEvent(queue: EventQueue, id: string, output: Output): Promise<number> {
  const event = await queue.get(id);
  if (!event) throw new JoineryError('NOT_FOUND', `no event with id ${JSON.stringify(id)}`);
  output.line(`${event.id}  ${event.type}  ${event.status}  attempt ${event.attempts}  from ${event.source}  queued ${event.createdAt}`);
  if (event.lastError) output.line(`  last error: ${event.lastError}`);
  for (const [step, result] of Object.entries(event.results)) {
    const detail = result.error ?? (result.output === undefined ? '' : JSON.stringify(result.output));
    output.line(`  ${step}: ${result.outcome} (attempt ${result.attempt})${detail ? ` ${detail}` : ''}`);
  }
  output.result({ ok: true, event });
  return 0;
}

async function replayEvent(queue: EventQueue, id: string, { values }: ParsedCommand, context: CliContext, output: Output): Promise<number> {
  const actor = context.actor(values.as).name;
  const before = await queue.get(id);
  if (!before) throw new JoineryError('NOT_FOUND', `no event with id ${JSON.stringify(id)}`);
  // A replay starts the event over: the names it reserved are freed first, before a worker can claim it.
  if (before.status === 'dead' || before.status === 'failed' || before.status === 'held') await context.stores().ledger().release(id);
  const replayed = await queue.replay(id);
  context.registry().recordAudit({ actor, action: 'event.replay', target: id, allowed: replayed, detail: { status: before.status } });
  if (!replayed) throw new JoineryError('CONFLICT', `event ${id} is ${before.status}; only dead, failed or held events are replayed`);
  output.line(`✓ ${id} is queued again (it was ${before.status})`);
  output.result({ ok: true, event: await queue.get(id) });
  return 0;
}

function requireId(id: string | undefined, action: string): string {
  if (id === undefined || id.length === 0) throw new JoineryError('INVALID_INPUT', `say which event: joinery events ${action} <id>`);
  return id;
}
