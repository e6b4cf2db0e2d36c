import * as z from 'zod';
import { JoineryError } from '../../core/errors.ts';
import { toolFailure } from '../boundary/tool-failure.ts';
import { EVENT_ID_LENGTH, eventQueueOf } from './runtime-stores.ts';
import { defineTool } from './tool.ts';

const REPLAYABLE = new Set(['dead', 'failed', 'held']);

/** As `joinery events replay`: the event starts over (attempts and step results cleared, the names it
 *  reserved freed first), and `joinery serve` runs it again against the target systems. Audited. */
export const replayEvent = defineTool({
  name: 'replay_event',
  title: 'Replay an event',
  description: 'Queue a dead, failed or held event again; joinery serve reruns it from the start.',
  input: { id: z.string().min(1).max(EVENT_ID_LENGTH) },
  output: { id: z.string(), was: z.string() },
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  roles: ['operator'],
  async run({ id }, { deps, principal, confirm }) {
    const queue = eventQueueOf(deps);
    const before = await queue.get(id);
    if (!before) throw new JoineryError('NOT_FOUND', `no event ${JSON.stringify(id)}; list_events lists them`);
    const replayable = REPLAYABLE.has(before.status);
    if (replayable && !(await confirm(`Replay event ${id} (${before.type}, ${before.status}) from the start?`))) {
      return toolFailure('CONFLICT', `event ${id} was not replayed: the confirmation was declined; nothing changed`);
    }
    // The replay starts the event over: the names it reserved are freed first, before a worker claims it.
    if (replayable) await deps.ledger?.release(id);
    const replayed = replayable && (await queue.replay(id));
    deps.registry.recordAudit({ actor: principal.name, action: 'event.replay', target: id, allowed: replayed, detail: { status: before.status, via: 'mcp' } });
    if (!replayed) throw new JoineryError('CONFLICT', `event ${id} is ${before.status}; only dead, failed or held events are replayed`);
    return { id, was: before.status };
  },
});
