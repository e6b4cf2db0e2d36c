import * as z from 'zod';
import { defineTool, READERS } from './tool.ts';
import { versionStatus } from './views.ts';

export const listFunctions = defineTool({
  name: 'list_functions',
  title: 'List functions',
  description: 'Every function in the registry: its description, latest version and status, and which version is active (runs).',
  input: {},
  output: {
    functions: z.array(z.object({
      name: z.string(),
      description: z.string(),
      latestVersion: z.number().int(),
      activeVersion: z.number().int().nullable(),
      latestStatus: versionStatus,
    })),
  },
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  roles: READERS,
  async run(_input, { deps }) {
    return { functions: deps.registry.listFunctions() };
  },
});
