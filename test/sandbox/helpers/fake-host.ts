// Test helper: HostCapabilities backed by plain data, recording every call it receives. A real part, not
// a mock: the directory compares case-insensitively and the HTTP side answers only listed requests.
import type { HostCapabilities, IncomingResponse, OutgoingRequest } from '../../../core/execution/types.ts';
import type { DirectoryUser } from '../../../core/sdk/index.ts';

/** The nonce of every placeholder a fake host hands out (a real host draws one per run). */
export const FAKE_NONCE = 'f00dfeedf00dfeed';

export const fakePlaceholder = (name: string) => `joinery-secret-${FAKE_NONCE}-${name}`;

export interface FakeHost extends HostCapabilities {
  readonly calls: Array<{ method: string; argument: unknown }>;
}

export function createFakeHost({
  taken = [],
  users = [],
  secrets = {},
  responses = {},
  attempt = 1,
}: {
  taken?: string[];
  users?: DirectoryUser[];
  /** Names the host knows; like a real host it hands out placeholders, never these values. */
  secrets?: Record<string, string>;
  /** Keyed by "METHOD url". */
  responses?: Record<string, IncomingResponse>;
  /** What ctx.attempt() answers. */
  attempt?: number;
} = {}): FakeHost {
  const calls: FakeHost['calls'] = [];
  const record = (method: string, argument: unknown) => calls.push({ method, argument });
  const takenNames = new Set(taken.map((name) => name.toLowerCase()));
  return {
    calls,
    async isUsernameTaken(username) {
      record('isUsernameTaken', username);
      return takenNames.has(username.toLowerCase());
    },
    async findUsers(filter) {
      record('findUsers', filter);
      return users.filter(
        (user) =>
          (filter.username === undefined || user.username.toLowerCase() === filter.username.toLowerCase()) &&
          (filter.email === undefined || user.email.toLowerCase() === filter.email.toLowerCase()) &&
          (filter.employeeId === undefined || user.employeeId === filter.employeeId),
      );
    },
    async reserveUsername(candidate) {
      record('reserveUsername', candidate);
      return !takenNames.has(candidate.toLowerCase());
    },
    async reserveEmail(candidate) {
      record('reserveEmail', candidate);
      return !takenNames.has(candidate.toLowerCase());
    },
    async attempt() {
      record('attempt', null);
      return attempt;
    },
    async fetch(request: OutgoingRequest) {
      record('fetch', request);
      const response = responses[`${request.method} ${request.url}`];
      if (response === undefined) throw new Error(`unexpected request ${request.method} ${request.url}`);
      return response;
    },
    async getSecret(name) {
      record('getSecret', name);
      if (secrets[name] === undefined) throw new Error(`no secret named ${name}`);
      return fakePlaceholder(name);
    },
  };
}
