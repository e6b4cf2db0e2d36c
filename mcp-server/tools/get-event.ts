import * as z from 'zod';
import { EVENT_STATUSES } from '../../core/events/index.ts';
import { JoineryError } from '../../core/errors.ts';
import { EVENT_ID_LENGTH, eventQueueOf } from './runtime-stores.ts';
import { defineTool } from './tool.ts';

/** The whole record: its payload is personal data, which is why only operators and auditors read it. */
const eventSchema = z.object({
  id: z.string(),
  type: z.string(),
  payload: z.unknown(),
  source: z.string(),
  status: z.enum(EVENT_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  availableAt: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  results: z.record(z.string(), z.object({ outcome: z.string(), output: z.unknown().optional(), error: z.string().optional(), attempt: z.number().int() })),
});

export const getEvent = defineTool({
  name: 'get_event',
  title: 'Get an event',
  description: 'One event in full: payload, status, step results.',
  input: { id: z.string().min(1).max(EVENT_ID_LENGTH) },
  output: { event: eventSchema },
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  roles: ['operator', 'auditor'],
  async run({ id }, { deps }) {
    const event = await eventQueueOf(deps).get(id);
    if (!event) throw new JoineryError('NOT_FOUND', `no event ${JSON.stringify(id)}; list_events lists them`);
    return { event };
  },
});
