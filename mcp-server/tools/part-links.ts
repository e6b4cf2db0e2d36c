// resource_link content for a version's or a draft's parts: the result stays small, and the client
// reads the source, spec and fixtures (joinery://…) only when it needs them.

import type { ResourceLink } from '@modelcontextprotocol/sdk/types.js';
import { draftUri, versionUri, type VersionPart } from '../resources/index.ts';

const MIME_TYPES: Record<VersionPart, string> = { source: 'text/typescript', spec: 'text/markdown', fixtures: 'application/json' };

export interface PartLinks {
  source: string;
  spec: string | null;
  fixtures: string;
}

export function versionLinks(name: string, version: number, hasSpec: boolean): PartLinks {
  return { source: versionUri(name, version, 'source'), spec: hasSpec ? versionUri(name, version, 'spec') : null, fixtures: versionUri(name, version, 'fixtures') };
}

export function draftLinks(name: string, hasSpec: boolean): PartLinks {
  return { source: draftUri(name, 'source'), spec: hasSpec ? draftUri(name, 'spec') : null, fixtures: draftUri(name, 'fixtures') };
}

/** The links as resource_link content blocks, leaving out the parts already in the result. */
export function linkBlocks(label: string, links: PartLinks, included: readonly string[] = []): ResourceLink[] {
  return (['source', 'spec', 'fixtures'] as const).flatMap((part) => {
    const uri = links[part];
    if (uri === null || included.includes(part)) return [];
    return [{ type: 'resource_link' as const, uri, name: `${label} ${part}`, mimeType: MIME_TYPES[part] }];
  });
}
