import * as z from 'zod';
import { JoineryError } from '../../core/errors.ts';
import { draftName } from './schemas.ts';
import { defineTool } from './tool.ts';

export const deleteDraft = defineTool({
  name: 'delete_draft',
  title: 'Delete a draft',
  description:
    'Delete one of your drafts (versions are not affected).',
  input: { name: draftName },
  output: { deleted: z.string() },
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  roles: ['author'],
  async run({ name }, { deps, principal, log }) {
    if (!deps.drafts.delete(principal.name, name)) throw new JoineryError('NOT_FOUND', `you have no draft named "${name}"; list_drafts lists yours`);
    log('info', `deleted draft ${name}`);
    return { deleted: name };
  },
});
