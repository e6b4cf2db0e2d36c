// Resolving `name` + a version number, `latest` or `active` to a stored version, with messages that
// name the MCP tools to use next.

import { JoineryError } from '../../core/errors.ts';
import type { Registry, VersionRecord } from '../../core/registry/types.ts';
import type { VersionRef } from './schemas.ts';

export function resolveVersion(registry: Registry, name: string, ref: VersionRef = 'latest'): VersionRecord {
  if (ref === 'active') {
    const active = registry.getActiveVersion(name);
    if (active) return active;
    if (!registry.getVersion(name)) throw new JoineryError('NOT_FOUND', `no function named "${name}"; list_functions lists them`);
    throw new JoineryError('NOT_FOUND', `${name} has no active version: none is approved yet (list_versions shows them; a reviewer approves one with review_function)`);
  }
  const record = registry.getVersion(name, ref === 'latest' ? undefined : ref);
  if (record) return record;
  if (ref !== 'latest' && registry.getVersion(name)) throw new JoineryError('NOT_FOUND', `no version ${name}@${ref}; list_versions lists them`);
  throw new JoineryError('NOT_FOUND', `no function named "${name}"; list_functions lists them`);
}
