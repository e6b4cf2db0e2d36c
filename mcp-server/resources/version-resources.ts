// Each stored version's source, spec and fixtures as resources
// (joinery://functions/{name}/versions/{version}/source|spec|fixtures); {version} is a number, `latest`
// or `active`. Listed for every version, with short names and titles that tell them apart.

import { ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Resource } from '@modelcontextprotocol/sdk/types.js';
import { JoineryError } from '../../core/errors.ts';
import type { Registry, VersionRecord } from '../../core/registry/types.ts';
import { resolveVersion } from '../tools/version-ref.ts';
import { completeFunctionName, completeVersion } from './completions.ts';

export type VersionPart = 'source' | 'spec' | 'fixtures';

export const PARTS: Record<VersionPart, { mimeType: string; read(record: VersionRecord): string | null }> = {
  source: { mimeType: 'text/typescript', read: (record) => record.source },
  spec: { mimeType: 'text/markdown', read: (record) => record.spec },
  fixtures: { mimeType: 'application/json', read: (record) => JSON.stringify(record.fixtures, null, 2) },
};

/** Listing stops here so a huge registry cannot make resources/list unbounded. */
const MAX_LISTED = 1_000;

export function versionUri(name: string, version: number | 'latest' | 'active', part: VersionPart): string {
  return `joinery://functions/${name}/versions/${version}/${part}`;
}

export function versionTemplate(registry: Registry, part: VersionPart): ResourceTemplate {
  return new ResourceTemplate(`joinery://functions/{name}/versions/{version}/${part}`, {
    list: async () => ({ resources: listParts(registry, part) }),
    complete: { name: completeFunctionName(registry), version: completeVersion(registry) },
  });
}

export function readVersionPart(registry: Registry, part: VersionPart, variables: Record<string, string | string[]>): { text: string; mimeType: string } {
  const name = String(variables.name);
  const versionText = String(variables.version);
  if (!/^[a-z][a-z0-9-]{0,62}$/.test(name) || !/^(?:[1-9]\d{0,8}|latest|active)$/.test(versionText)) {
    throw new JoineryError('NOT_FOUND', `no such resource: expected joinery://functions/<kebab-case name>/versions/<number|latest|active>/${part}`);
  }
  const reference = versionText === 'latest' || versionText === 'active' ? versionText : Number(versionText);
  const record = resolveVersion(registry, name, reference);
  const text = PARTS[part].read(record);
  if (text === null) throw new JoineryError('NOT_FOUND', `${name}@${record.version} was published without a spec`);
  return { text, mimeType: PARTS[part].mimeType };
}

function listParts(registry: Registry, part: VersionPart): Resource[] {
  const resources: Resource[] = [];
  for (const fn of registry.listFunctions()) {
    for (const version of registry.listVersions(fn.name)) {
      if (resources.length >= MAX_LISTED) return resources;
      if (part === 'spec' && registry.getVersion(fn.name, version.version)?.spec == null) continue;
      resources.push({
        uri: versionUri(fn.name, version.version, part),
        name: `${fn.name}@${version.version}/${part}`,
        title: `${fn.name} v${version.version} ${part} (${version.status.replace('_', ' ')}${version.active ? ', active' : ''})`,
        mimeType: PARTS[part].mimeType,
      });
    }
  }
  return resources;
}
