import * as z from 'zod';
import { JoineryError } from '../../core/errors.ts';
import { cursorInput, pageOf, pageSize } from './cursor.ts';
import { functionName } from './schemas.ts';
import { defineTool, READERS } from './tool.ts';
import { versionStatus, versionSummarySchema } from './views.ts';

export const listVersions = defineTool({
  name: 'list_versions',
  title: 'List versions',
  description:
    'A function\'s versions: status, author, requester, which is active. Then get_function or diff_versions.',
  input: { name: functionName, status: versionStatus.optional(), cursor: cursorInput.optional(), limit: pageSize(100, 500) },
  output: { name: z.string(), activeVersion: z.number().int().nullable(), versions: z.array(versionSummarySchema), nextCursor: z.string().optional() },
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  roles: READERS,
  async run({ name, status, cursor, limit }, { deps }) {
    const versions = deps.registry.listVersions(name);
    if (versions.length === 0) throw new JoineryError('NOT_FOUND', `no function named "${name}"; list_functions lists them`);
    const matching = versions.filter((entry) => status === undefined || entry.status === status).map(({ name: _name, ...entry }) => entry);
    const { page, nextCursor } = pageOf('list_versions', matching, cursor, limit);
    const activeVersion = versions.find((entry) => entry.active)?.version ?? null;
    return nextCursor ? { name, activeVersion, versions: page, nextCursor } : { name, activeVersion, versions: page };
  },
});
