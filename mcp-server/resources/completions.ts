// Completion of function names and versions, for resource-template variables and prompt arguments.
// Versions complete for the function named in the other arguments, with the `latest` and `active` aliases.

import type { Registry } from '../../core/registry/types.ts';

const MAX_SUGGESTIONS = 100;

export function completeFunctionName(registry: Registry): (value: string) => string[] {
  return (value) => registry.listFunctions().map((entry) => entry.name).filter((name) => name.startsWith(value)).slice(0, MAX_SUGGESTIONS);
}

export function completeVersion(registry: Registry, { aliases = true } = {}): (value: string, context?: { arguments?: Record<string, string> }) => string[] {
  return (value, context) => {
    const name = context?.arguments?.name;
    if (!name) return [];
    const versions = registry.listVersions(name);
    if (versions.length === 0) return [];
    const newestFirst = versions.map((entry) => String(entry.version)).reverse();
    const offered = aliases ? ['latest', ...(versions.some((entry) => entry.active) ? ['active'] : []), ...newestFirst] : newestFirst;
    return offered.filter((candidate) => candidate.startsWith(value)).slice(0, MAX_SUGGESTIONS);
  };
}
