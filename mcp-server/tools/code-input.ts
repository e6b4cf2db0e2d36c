// Where the code a tool checks, tests or publishes comes from: given inline, one of the caller's saved
// drafts, or (for tests) a stored version. Exactly one source; anything else is INVALID_INPUT.

import { JoineryError } from '../../core/errors.ts';
import { assertVersionIntegrity } from '../../core/registry/index.ts';
import { fixturesToText } from './fixtures-input.ts';
import type { VersionRef } from './schemas.ts';
import type { ToolContext } from './tool.ts';
import { resolveVersion } from './version-ref.ts';

export interface CodeInput {
  source?: string;
  fixtures?: string | unknown[];
  spec?: string;
  requirement?: string;
  conversation_id?: string;
  draft?: string;
  name?: string;
  version?: VersionRef;
}

export interface ResolvedCode {
  source: string;
  /** As JSON text, whichever form it was given in. */
  fixtures?: string;
  spec: string | null;
  requirement: string | null;
  conversationId: string | null;
  /** Who wrote it: the caller for inline code, the draft's author for a draft. */
  author: string;
  /** What it is, for messages: "the given source", "draft x", "x@3". */
  label: string;
}

export function resolveCode(input: CodeInput, { deps, principal }: ToolContext, { allowStored = false } = {}): ResolvedCode {
  const given = [input.source !== undefined, input.draft !== undefined, allowStored && input.name !== undefined].filter(Boolean).length;
  const modes = allowStored ? '`source` (with `fixtures`), `draft`, or `name` (and `version`)' : '`source` or `draft`';
  if (given !== 1) throw new JoineryError('INVALID_INPUT', `give exactly one of ${modes}`);
  if (input.draft !== undefined) {
    if (input.fixtures !== undefined || input.spec !== undefined) throw new JoineryError('INVALID_INPUT', 'a draft brings its own fixtures and spec; give `draft` alone');
    const draft = deps.drafts.get(principal.name, input.draft);
    if (!draft) throw new JoineryError('NOT_FOUND', `${principal.name} has no draft named "${input.draft}"; list_drafts lists yours, save_draft or author_function makes one`);
    return {
      source: draft.source,
      fixtures: draft.fixtures,
      spec: draft.spec,
      requirement: input.requirement ?? draft.requirement,
      conversationId: input.conversation_id ?? draft.conversationId,
      author: draft.author,
      label: `draft ${draft.name}`,
    };
  }
  if (input.source !== undefined) {
    const fixtures = input.fixtures === undefined ? undefined : fixturesToText(input.fixtures);
    return { source: input.source, fixtures, spec: input.spec ?? null, requirement: input.requirement ?? null, conversationId: input.conversation_id ?? null, author: principal.name, label: 'the given source' };
  }
  const record = resolveVersion(deps.registry, input.name ?? '', input.version ?? 'latest');
  // Re-testing a stored version must test what was reviewed, not what someone wrote into the file since.
  assertVersionIntegrity(record);
  return { source: record.source, fixtures: JSON.stringify(record.fixtures), spec: record.spec, requirement: record.requirement, conversationId: record.conversationId, author: record.author, label: `${record.name}@${record.version}` };
}
