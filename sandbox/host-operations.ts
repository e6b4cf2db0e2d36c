// The operations behind ctx, one per guest-visible method. Each takes the JSON payload the guest bridge
// sent, checks it against the declared manifest, and calls the HostCapabilities of the run.
import type { DirectoryUser } from '../core/sdk/index.ts';
import type { FunctionManifest, HostCapabilities, IncomingResponse, RunLimits } from '../core/execution/types.ts';
import { checkSecretDeclared, checkSecretPlaceholder, toOutgoingRequest } from './manifest-guard.ts';
import type { RequestGate } from './request-gate.ts';

export interface OperationScope {
  host: HostCapabilities;
  manifest: FunctionManifest;
  /** The run's outgoing requests: counted, queued past the concurrency cap, aborted when the run ends. */
  requests: RequestGate;
  limits: RunLimits;
}

type Operation = (payload: unknown, scope: OperationScope) => Promise<unknown>;

const FILTER_FIELDS = ['username', 'email', 'employeeId'] as const;

async function isUsernameTaken(payload: unknown, { host }: OperationScope): Promise<boolean> {
  if (typeof payload !== 'string') throw new Error('isUsernameTaken(username): username must be a string');
  return (await host.isUsernameTaken(payload)) === true;
}

async function findUsers(payload: unknown, { host }: OperationScope): Promise<DirectoryUser[]> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new Error('findUsers(filter): filter must be an object');
  }
  const filter: { username?: string; email?: string; employeeId?: string } = {};
  for (const field of FILTER_FIELDS) {
    const value = (payload as Record<string, unknown>)[field];
    if (value === undefined) continue;
    if (typeof value !== 'string') throw new Error(`findUsers(filter): filter.${field} must be a string`);
    filter[field] = value;
  }
  const users = await host.findUsers(filter);
  if (!Array.isArray(users)) throw new Error('findUsers: the directory returned no list');
  return users;
}

const MAX_RESERVED_LENGTH = 320;

function reservation(method: string) {
  return async (payload: unknown, { host }: OperationScope): Promise<boolean> => {
    if (typeof payload !== 'string' || payload.trim() === '') throw new Error(`${method}(candidate): candidate must be a non-empty string`);
    if (payload.length > MAX_RESERVED_LENGTH) throw new Error(`${method}(candidate): candidate is longer than ${MAX_RESERVED_LENGTH} characters`);
    const reserved = method === 'reserveUsername' ? await host.reserveUsername(payload) : await host.reserveEmail(payload);
    return reserved === true;
  };
}

async function attempt(_payload: unknown, { host }: OperationScope): Promise<number> {
  const value = await host.attempt();
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw new Error('attempt: the host gave no attempt number');
  return value;
}

async function getSecret(payload: unknown, { host, manifest }: OperationScope): Promise<string> {
  const name = checkSecretDeclared(payload, manifest.secrets);
  return checkSecretPlaceholder(await host.getSecret(name), name);
}

async function fetch(payload: unknown, { host, manifest, requests, limits }: OperationScope): Promise<IncomingResponse> {
  const request = toOutgoingRequest(payload, manifest, limits.maxRequestBodyBytes);
  const response = await requests.run((signal) => host.fetch(request, { signal }));
  const { status, headers, body } = response ?? {};
  if (typeof status !== 'number' || !Number.isInteger(status) || typeof body !== 'string') {
    throw new Error('fetch: the upstream gave no usable response');
  }
  const names = Object.entries(headers ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  return { status, headers: Object.fromEntries(names.map(([name, value]) => [name.toLowerCase(), value])), body };
}

export const OPERATIONS: ReadonlyMap<string, Operation> = new Map<string, Operation>([
  ['directory.isUsernameTaken', isUsernameTaken],
  ['directory.findUsers', findUsers],
  ['directory.reserveUsername', reservation('reserveUsername')],
  ['directory.reserveEmail', reservation('reserveEmail')],
  ['run.attempt', attempt],
  ['secrets.get', getSecret],
  ['http.fetch', fetch],
]);
