import * as z from 'zod';
import { cursorInput, pageOf, pageSize } from './cursor.ts';
import { defineTool } from './tool.ts';

export const listDrafts = defineTool({
  name: 'list_drafts',
  title: 'List your drafts',
  description:
    'Your drafts, newest first, and whether they pass. Then get_draft.',
  input: { cursor: cursorInput.optional(), limit: pageSize(50, 200) },
  output: {
    drafts: z.array(z.object({ name: z.string(), author: z.string(), ok: z.boolean(), requirement: z.string().nullable(), updatedAt: z.string() })),
    nextCursor: z.string().optional(),
  },
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  roles: ['author'],
  async run({ cursor, limit }, { deps, principal }) {
    const { page, nextCursor } = pageOf('list_drafts', deps.drafts.list(principal.name), cursor, limit);
    const drafts = page.map((draft) => ({ name: draft.name, author: draft.author, ok: draft.testSummary.ok, requirement: shorten(draft.requirement), updatedAt: draft.updatedAt }));
    return nextCursor ? { drafts, nextCursor } : { drafts };
  },
});

function shorten(text: string | null): string | null {
  return text === null || text.length <= 200 ? text : `${text.slice(0, 200)}…`;
}
