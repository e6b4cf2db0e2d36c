import * as z from 'zod';
import { defineTool, READERS } from './tool.ts';

export const listFlows = defineTool({
  name: 'list_flows',
  title: 'List flows',
  description: 'Every flow: trigger, latest and active version. Then get_flow.',
  input: {},
  output: {
    flows: z.array(
      z.object({
        name: z.string(),
        trigger: z.string(),
        latestVersion: z.number().int(),
        latestStatus: z.string(),
        activeVersion: z.number().int().nullable(),
      }),
    ),
  },
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  roles: READERS,
  async run(_input, { deps }) {
    return { flows: deps.flows.listFlows() };
  },
});
