// The host a recorded event runs against in a behavioural diff: the directory is read (never written),
// a reservation succeeds when the name is free, secrets are placeholders with a fixed nonce (so both
// versions' calls compare equal when they send the same thing), and every request is recorded and
// answered like a dry run (202, `{"dryRun":true}`). Nothing leaves the machine.

import type { FunctionManifest, HostCapabilities, IncomingResponse, OutgoingRequest } from '../execution/types.ts';
import { createSecretPlaceholders } from '../runtime/index.ts';
import type { DirectoryUser, FetchAuth } from '../sdk/index.ts';

/** The part of the directory a behavioural diff reads. */
export interface DirectoryReader {
  isUsernameTaken(username: string): boolean;
  findUsers(filter: { username?: string; email?: string; employeeId?: string }): DirectoryUser[];
}

const FIXED_NONCE = '0000000000000000';
const DRY_RUN_RESPONSE: IncomingResponse = {
  status: 202,
  headers: { 'content-type': 'application/json', 'x-joinery-dry-run': '1' },
  body: '{"dryRun":true}',
};

export function createRecordingHost({ manifest, directory }: { manifest: FunctionManifest; directory?: DirectoryReader }): {
  host: HostCapabilities;
  calls: OutgoingRequest[];
} {
  const calls: OutgoingRequest[] = [];
  const placeholders = createSecretPlaceholders({
    names: manifest.secrets,
    nonce: FIXED_NONCE,
  });
  const taken = (username: string) => directory?.isUsernameTaken(username) ?? false;
  const host: HostCapabilities = {
    isUsernameTaken: async (username) => taken(String(username)),
    findUsers: async (filter) => structuredClone(directory?.findUsers(filter) ?? []),
    reserveUsername: async (candidate) => !taken(String(candidate)),
    reserveEmail: async (candidate) => (directory?.findUsers({ email: String(candidate) }).length ?? 0) === 0,
    attempt: async () => 1,
    getSecret: async (name) => {
      if (!manifest.secrets.includes(name)) throw new Error(`secret "${name}" is not declared by this function`);
      return placeholders.of(name);
    },
    fetch: async (request) => {
      const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), placeholders.render(value)]));
      if (request.auth !== undefined) headers.authorization = `[auth:${describeAuth(request.auth, placeholders.render)}]`;
      calls.push({
        method: request.method.toUpperCase(),
        url: placeholders.render(request.url),
        headers,
        ...(request.body === undefined ? {} : { body: placeholders.render(request.body) }),
      });
      return structuredClone(DRY_RUN_RESPONSE);
    },
  };
  return { host, calls };
}

/** The credential kind and where it comes from, placeholders shown as `[secret:NAME]`; never a value. */
function describeAuth(auth: FetchAuth, render: (text: string) => string): string {
  if ('bearer' in auth) return `bearer ${render(auth.bearer)}`;
  if ('oauth' in auth) return `oauth ${auth.oauth}`;
  return 'basic';
}
