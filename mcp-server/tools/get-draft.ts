import * as z from 'zod';
import { JoineryError } from '../../core/errors.ts';
import { draftLinks, linkBlocks } from './part-links.ts';
import { draftName } from './schemas.ts';
import { testSummarySchema } from './test-summary.ts';
import { defineTool } from './tool.ts';

const PARTS = ['source', 'spec', 'fixtures'] as const;

export const getDraft = defineTool({
  name: 'get_draft',
  title: 'Get a draft',
  description:
    'One of your drafts: gate results, requirement, links to its parts (or `include` them). Then save_draft or publish_function.',
  input: { name: draftName, include: z.array(z.enum(PARTS)).optional() },
  output: {
    name: z.string(),
    owner: z.string(),
    author: z.string(),
    requirement: z.string().nullable(),
    conversationId: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    test: testSummarySchema,
    links: z.object({ source: z.string(), spec: z.string().nullable(), fixtures: z.string() }),
    source: z.string().optional(),
    spec: z.string().nullable().optional(),
    fixtures: z.unknown().optional(),
  },
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  roles: ['author'],
  async run({ name, include = [] }, { deps, principal }) {
    const draft = deps.drafts.get(principal.name, name);
    if (!draft) throw new JoineryError('NOT_FOUND', `you have no draft named "${name}"; list_drafts lists yours`);
    return {
      name: draft.name,
      owner: draft.owner,
      author: draft.author,
      requirement: draft.requirement,
      conversationId: draft.conversationId,
      createdAt: draft.createdAt,
      updatedAt: draft.updatedAt,
      test: draft.testSummary,
      links: draftLinks(draft.name, draft.spec !== null),
      ...(include.includes('source') ? { source: draft.source } : {}),
      ...(include.includes('spec') ? { spec: draft.spec } : {}),
      ...(include.includes('fixtures') ? { fixtures: parsedOrText(draft.fixtures) } : {}),
    };
  },
  links: (output) => linkBlocks(`draft ${output.name}`, output.links, Object.keys(output)),
});

function parsedOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
