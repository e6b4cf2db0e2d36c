import * as z from 'zod';
import { publishFlow as publish } from '../../core/flows/index.ts';
import { flowVersionSchema, flowView } from './flow-views.ts';
import { defineTool } from './tool.ts';

export const publishFlow = defineTool({
  name: 'publish_flow',
  title: 'Publish a flow for review',
  description: 'Publish a flow (functions run in order for a trigger; format: contract, "A flow definition"). Then review_flow by someone else.',
  input: { definition: z.record(z.string(), z.unknown()), requested_by: z.string().min(1).max(200).optional() },
  output: { flow: flowVersionSchema },
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  roles: ['author'],
  async run({ definition, requested_by: requestedBy }, { deps, principal, log }) {
    const record = publish({ definition, author: principal.name, requestedBy: requestedBy ?? null, flows: deps.flows, registry: deps.registry, via: 'mcp' });
    log('notice', `published flow ${record.name}@${record.version}`);
    return { flow: flowView(record) };
  },
  outcome: ({ flow }) => `published ${flow.name}@${flow.version}`,
});
