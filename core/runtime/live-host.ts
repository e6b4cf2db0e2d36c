// The host side of `ctx` for live runs: the directory kept in the database, secrets from the encrypted
// store, and outgoing HTTP through the egress client. The stored manifest is the authority on what a
// version may read or call; the sandbox checks it too, this is the second lock.

import type { DirectoryStore } from '../directory/types.ts';
import type { FetchOptions, FunctionManifest, HostCapabilities, IncomingResponse, OutgoingRequest } from '../execution/types.ts';
import type { SecretStore } from '../secrets/types.ts';

/** `options.signal` aborts when the run that made the request has ended. */
export type FetchPort = (request: OutgoingRequest, options?: FetchOptions) => Promise<IncomingResponse>;

export interface LiveHost {
  host: HostCapabilities;
  /** Every outgoing request, in order, as the function made it (redacted before it is stored). */
  calls: OutgoingRequest[];
}

export function createLiveHost({
  manifest,
  directory,
  secrets,
  fetch,
}: {
  manifest: FunctionManifest;
  directory: DirectoryStore;
  secrets: SecretStore;
  fetch: FetchPort;
}): LiveHost {
  const calls: OutgoingRequest[] = [];
  const host: HostCapabilities = {
    isUsernameTaken: async (username) => directory.isUsernameTaken(String(username)),
    findUsers: async (filter) => directory.findUsers(filter),
    getSecret: async (name) => {
      if (!manifest.secrets.includes(name)) throw new Error(`secret "${name}" is not declared in secrets`);
      const value = secrets.get(name);
      if (value === undefined) throw new Error(`secret "${name}" is not set; an operator sets it with: joinery secret set ${name}`);
      return value;
    },
    fetch: async (request, options) => {
      calls.push(request);
      return fetch(request, options);
    },
  };
  return { host, calls };
}

/** The values a run's records must never contain: every declared secret that is set. */
export function secretValuesFor(manifest: FunctionManifest, secrets: SecretStore): string[] {
  return manifest.secrets.map((name) => secrets.get(name)).filter((value): value is string => typeof value === 'string' && value.length > 0);
}
