import * as z from 'zod';
import { EVENT_STATUSES } from '../../core/events/index.ts';
import { pageSize } from './cursor.ts';
import { eventQueueOf } from './runtime-stores.ts';
import { defineTool } from './tool.ts';

export const listEvents = defineTool({
  name: 'list_events',
  title: 'List events',
  description: 'Queued lifecycle events, newest first. Then get_event.',
  input: { status: z.enum(EVENT_STATUSES).optional(), limit: pageSize(50, 500) },
  output: {
    events: z.array(z.object({
      id: z.string(),
      type: z.string(),
      status: z.enum(EVENT_STATUSES),
      attempts: z.number().int(),
      lastError: z.string().nullable(),
      createdAt: z.string(),
    })),
  },
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  roles: ['operator', 'auditor'],
  async run({ status, limit }, { deps }) {
    const found = await eventQueueOf(deps).list({ ...(status === undefined ? {} : { status }), limit });
    // Summaries only: the payload (personal data) is get_event's.
    const events = found.map(({ id, type, status: state, attempts, lastError, createdAt }) => ({ id, type, status: state, attempts, lastError, createdAt }));
    return { events };
  },
});
