// The host side of `ctx` for live runs: the directory kept in the database, secrets from the encrypted
// store, and outgoing HTTP through the egress client. The stored manifest is the authority on what a
// version may read or call; the sandbox checks it too, this is the second lock. Secret values never go to
// the function: it gets placeholders, and secret-egress.ts puts the values in at egress (not at all in a
// dry run, which therefore needs no secret to be set).

import type { DirectoryStore } from '../directory/types.ts';
import type { FunctionManifest, HostCapabilities, OutgoingRequest } from '../execution/types.ts';
import type { SecretStore } from '../secrets/types.ts';
import { PROCESS_OAUTH_TOKENS, type OAuthTokenCache } from './oauth-token-cache.ts';
import { createSecretEgress, type FetchPort } from './secret-egress.ts';
import { createSecretPlaceholders, type SecretPlaceholders } from '../secret-manifest/index.ts';
import { createRunReservations, type RunReservations } from './run-reservations.ts';
import type { IdempotencyKeys } from './idempotency-key.ts';

export interface LiveHost {
  host: HostCapabilities;
  /** Every outgoing request, in order, as the function made it: placeholders, never values. */
  calls: OutgoingRequest[];
  /** This run's placeholders, to show them readably in the record. */
  placeholders: SecretPlaceholders;
  /** The secret values and access tokens this run sent: redacted from the record as a backstop. */
  sentValues(): string[];
}

export function createLiveHost({
  manifest,
  directory,
  secrets,
  fetch,
  dryRun = false,
  tokens = PROCESS_OAUTH_TOKENS,
  reservations = createRunReservations({ directory }),
  attempt = 1,
  idempotencyKeys,
}: {
  manifest: FunctionManifest;
  directory: DirectoryStore;
  secrets: SecretStore;
  fetch: FetchPort;
  /** Placeholders are recorded and never replaced; no secret is read from the store. */
  dryRun?: boolean;
  tokens?: OAuthTokenCache;
  /** Where reserveUsername and reserveEmail go (see run-reservations.ts); default: the directory alone. */
  reservations?: RunReservations;
  /** The event's attempt under `joinery serve`; 1 elsewhere. */
  attempt?: number;
  /** Under joinery serve: the Idempotency-Key header for opted-in hosts. */
  idempotencyKeys?: IdempotencyKeys;
}): LiveHost {
  const placeholders = createSecretPlaceholders({ names: manifest.secrets });
  const secretValue = (name: string): string => {
    const value = secrets.get(name);
    if (value === undefined) throw new Error(`secret "${name}" is not set; an operator sets it with: joinery secret set ${name}`);
    return value;
  };
  const egress = createSecretEgress({ manifest, placeholders, fetch, tokens, record: 'placeholders', ...(dryRun ? {} : { secretValue }) });
  const host: HostCapabilities = {
    isUsernameTaken: async (username) => directory.isUsernameTaken(String(username)),
    findUsers: async (filter) => directory.findUsers(filter),
    reserveUsername: (candidate) => reservations.reserve('username', String(candidate)),
    reserveEmail: (candidate) => reservations.reserve('email', String(candidate)),
    attempt: async () => attempt,
    getSecret: async (name) => {
      if (!manifest.secrets.includes(name)) throw new Error(`secret "${name}" is not declared in secrets`);
      if (!dryRun) secretValue(name); // a live run fails where the secret is read, as it always did
      return placeholders.of(name);
    },
    fetch: idempotencyKeys === undefined ? egress.fetch : (request, options) => egress.fetch(idempotencyKeys.apply(request), options),
  };
  return { host, calls: egress.calls, placeholders, sentValues: egress.sentValues };
}

/** The values a run's records must never contain: every declared secret that is set. */
export function secretValuesFor(manifest: FunctionManifest, secrets: SecretStore): string[] {
  return manifest.secrets.map((name) => secrets.get(name)).filter((value): value is string => typeof value === 'string' && value.length > 0);
}
