// Each stored version's source, spec and fixtures as resources
// (joinery://functions/{name}/versions/{version}/source|spec|fixtures), listed for every version.

import { ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Resource } from '@modelcontextprotocol/sdk/types.js';
import { JoineryError } from '../../core/errors.ts';
import type { Registry, VersionRecord } from '../../core/registry/types.ts';

export type VersionPart = 'source' | 'spec' | 'fixtures';

const PARTS: Record<VersionPart, { mimeType: string; title: string; read(record: VersionRecord): string | null }> = {
  source: { mimeType: 'text/typescript', title: 'source', read: (record) => record.source },
  spec: { mimeType: 'text/markdown', title: 'spec', read: (record) => record.spec },
  fixtures: { mimeType: 'application/json', title: 'fixtures', read: (record) => JSON.stringify(record.fixtures, null, 2) },
};

/** Listing stops here so a huge registry cannot make resources/list unbounded. */
const MAX_LISTED = 1_000;

export function versionUri(name: string, version: number, part: VersionPart): string {
  return `joinery://functions/${name}/versions/${version}/${part}`;
}

export function versionTemplate(registry: Registry, part: VersionPart): ResourceTemplate {
  return new ResourceTemplate(`joinery://functions/{name}/versions/{version}/${part}`, {
    list: async () => ({ resources: listParts(registry, part) }),
  });
}

export function readVersionPart(registry: Registry, part: VersionPart, variables: Record<string, string | string[]>): { text: string; mimeType: string } {
  const name = String(variables.name);
  const versionText = String(variables.version);
  if (!/^[a-z][a-z0-9-]{0,62}$/.test(name) || !/^[1-9]\d{0,8}$/.test(versionText)) {
    throw new JoineryError('NOT_FOUND', `no such resource: expected joinery://functions/<kebab-case name>/versions/<number>/${part}`);
  }
  const record = registry.getVersion(name, Number(versionText));
  if (!record) throw new JoineryError('NOT_FOUND', `no version ${name}@${versionText}`);
  const text = PARTS[part].read(record);
  if (text === null) throw new JoineryError('NOT_FOUND', `${name}@${versionText} was published without a spec`);
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
        name: `${fn.name}@${version.version} ${PARTS[part].title}`,
        mimeType: PARTS[part].mimeType,
        description: `${fn.name} version ${version.version} (${version.status}${version.active ? ', active' : ''}): ${PARTS[part].title}`,
      });
    }
  }
  return resources;
}
