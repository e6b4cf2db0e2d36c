// Where the code a tool checks, tests or publishes comes from: given inline, one of the caller's saved
// drafts, or (for tests) a stored version. Exactly one source; anything else is INVALID_INPUT.

import { JoineryError } from '../../core/errors.ts';
import { assertVersionIntegrity } from '../../core/registry/index.ts';
import type { ToolContext } from './tool.ts';

export interface CodeInput {
  source?: string;
  fixtures?: string;
  spec?: string;
  draft?: string;
  name?: string;
  version?: number;
}

export interface ResolvedCode {
  source: string;
  fixtures?: string;
  spec: string | null;
  /** Who wrote it: the caller for inline code, the draft's author for a draft. */
  author: string;
  /** What it is, for messages: "the given source", "draft x", "x@3". */
  label: string;
}

export function resolveCode(input: CodeInput, { deps, principal }: ToolContext, { allowStored = false } = {}): ResolvedCode {
  const given = [input.source !== undefined, input.draft !== undefined, allowStored && input.name !== undefined].filter(Boolean).length;
  const modes = allowStored ? '`source` (with `fixtures`), `draft`, or `name` and `version`' : '`source` or `draft`';
  if (given !== 1) throw new JoineryError('INVALID_INPUT', `give exactly one of ${modes}`);
  if (input.draft !== undefined) {
    if (input.fixtures !== undefined || input.spec !== undefined) throw new JoineryError('INVALID_INPUT', 'a draft brings its own fixtures and spec; give `draft` alone');
    const draft = deps.drafts.get(principal.name, input.draft);
    if (!draft) throw new JoineryError('NOT_FOUND', `${principal.name} has no draft named "${input.draft}"; save one with save_draft or author_function`);
    return { source: draft.source, fixtures: draft.fixtures, spec: draft.spec, author: draft.author, label: `draft ${draft.name}` };
  }
  if (input.source !== undefined) {
    return { source: input.source, fixtures: input.fixtures, spec: input.spec ?? null, author: principal.name, label: 'the given source' };
  }
  if (input.version === undefined) throw new JoineryError('INVALID_INPUT', 'testing a stored function needs both `name` and `version`');
  const record = deps.registry.getVersion(input.name!, input.version);
  if (!record) throw new JoineryError('NOT_FOUND', `no version ${input.name}@${input.version}`);
  // Re-testing a stored version must test what was reviewed, not what someone wrote into the file since.
  assertVersionIntegrity(record);
  return { source: record.source, fixtures: JSON.stringify(record.fixtures), spec: record.spec, author: record.author, label: `${record.name}@${record.version}` };
}
