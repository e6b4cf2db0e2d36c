import * as z from 'zod';
import { resumeTarget } from '../../core/guards/index.ts';
import { toolFailure } from '../boundary/tool-failure.ts';
import { eventQueueOf, guardStoreOf } from './runtime-stores.ts';
import { defineTool } from './tool.ts';

/** As `joinery resume`: lifts the quarantine of a function or flow (or both, when they share the name)
 *  and puts its held events back in the queue, step results kept. Audited by resumeTarget. */
export const resumeFunction = defineTool({
  name: 'resume_function',
  title: 'Resume after quarantine',
  description: 'Lift a function\'s (or flow:<name>) quarantine; its held events run again.',
  input: { name: z.string().min(1).max(200) },
  output: { lifted: z.array(z.string()), replayed: z.array(z.string()) },
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  roles: ['operator'],
  async run({ name }, { deps, principal, confirm }) {
    const store = guardStoreOf(deps);
    const queue = eventQueueOf(deps);
    if (!(await confirm(`Lift the quarantine of ${name} and replay the events held for it?`))) {
      return toolFailure('CONFLICT', `${name} was not resumed: the confirmation was declined; nothing changed`);
    }
    return await resumeTarget({ name, actor: principal.name, store, queue, audit: (entry) => deps.registry.recordAudit(entry) });
  },
});
