import * as z from 'zod';
import { cursorInput, pageOf, pageSize } from './cursor.ts';
import { defineTool, READERS } from './tool.ts';
import { versionStatus } from './views.ts';

export const listFunctions = defineTool({
  name: 'list_functions',
  title: 'List functions',
  description:
    'Every function: description, latest version and status, active version. Then get_function.',
  input: { status: versionStatus.optional().describe('of the latest version'), cursor: cursorInput.optional(), limit: pageSize(100, 500) },
  output: {
    functions: z.array(z.object({ name: z.string(), description: z.string(), latestVersion: z.number().int(), activeVersion: z.number().int().nullable(), latestStatus: versionStatus })),
    nextCursor: z.string().optional(),
  },
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  roles: READERS,
  async run({ status, cursor, limit }, { deps }) {
    const matching = deps.registry.listFunctions().filter((entry) => status === undefined || entry.latestStatus === status);
    const { page, nextCursor } = pageOf('list_functions', matching, cursor, limit);
    return nextCursor ? { functions: page, nextCursor } : { functions: page };
  },
});
