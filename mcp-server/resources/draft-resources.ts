// The caller's own drafts as resources (joinery://drafts/{name}/source|spec|fixtures): what
// author_function and get_draft link to instead of repeating the code in their results. Each principal
// sees only their own; another's draft is NOT_FOUND, as if it did not exist.

import { ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Resource } from '@modelcontextprotocol/sdk/types.js';
import { JoineryError } from '../../core/errors.ts';
import { principalOf } from '../boundary/principal.ts';
import type { McpServerDeps } from '../deps.ts';
import type { DraftRecord } from '../drafts/index.ts';
import type { RequestExtra } from '../tools/tool.ts';
import { PARTS, type VersionPart } from './version-resources.ts';

export function draftUri(name: string, part: VersionPart): string {
  return `joinery://drafts/${name}/${part}`;
}

export function draftTemplate(deps: McpServerDeps, part: VersionPart): ResourceTemplate {
  return new ResourceTemplate(`joinery://drafts/{name}/${part}`, {
    list: async (extra) => ({ resources: listDrafts(deps, extra, part) }),
  });
}

export function readDraftPart(deps: McpServerDeps, extra: RequestExtra, part: VersionPart, variables: Record<string, string | string[]>): { text: string; mimeType: string } {
  const name = String(variables.name);
  const owner = principalOf(extra, deps)?.name;
  const draft = owner && /^[a-z][a-z0-9-]{0,62}$/.test(name) ? deps.drafts.get(owner, name) : undefined;
  if (!draft) throw new JoineryError('NOT_FOUND', `you have no draft named ${JSON.stringify(name.slice(0, 80))}; list_drafts lists yours`);
  const text = draftPartText(draft, part);
  if (text === null) throw new JoineryError('NOT_FOUND', `draft ${name} has no spec`);
  return { text, mimeType: PARTS[part].mimeType };
}

export function draftPartText(draft: DraftRecord, part: VersionPart): string | null {
  return part === 'source' ? draft.source : part === 'spec' ? draft.spec : draft.fixtures;
}

function listDrafts(deps: McpServerDeps, extra: RequestExtra, part: VersionPart): Resource[] {
  const owner = principalOf(extra, deps)?.name;
  if (!owner) return [];
  return deps.drafts
    .list(owner)
    .filter((draft) => part !== 'spec' || draft.spec !== null)
    .map((draft) => ({ uri: draftUri(draft.name, part), name: `draft:${draft.name}/${part}`, title: `Your draft ${draft.name}: ${part}`, mimeType: PARTS[part].mimeType }));
}
