import * as z from 'zod';
import { JoineryError } from '../../core/errors.ts';
import { functionName } from './schemas.ts';
import { defineTool, READERS } from './tool.ts';
import { versionSummarySchema } from './views.ts';

export const listVersions = defineTool({
  name: 'list_versions',
  title: 'List versions',
  description: 'Every version of a function, oldest first: status (pending_review, approved, rejected), author, requester, and which one is active.',
  input: { name: functionName },
  output: { name: z.string(), activeVersion: z.number().int().nullable(), versions: z.array(versionSummarySchema) },
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  roles: READERS,
  async run({ name }, { deps }) {
    const versions = deps.registry.listVersions(name);
    if (versions.length === 0) throw new JoineryError('NOT_FOUND', `no function named "${name}"`);
    return { name, activeVersion: versions.find((version) => version.active)?.version ?? null, versions };
  },
});
