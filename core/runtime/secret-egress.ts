// Between a function's requests and the HTTP client: where secrets and OAuth tokens go in. The function
// only ever holds placeholders; here they become values, for bound hosts only, and responses come back
// with every value the host sent replaced. Live runs, dry runs and fixture tests all pass through here.

import { JoineryError } from '../errors.ts';
import type { FetchOptions, FunctionManifest, IncomingResponse, OutgoingRequest } from '../execution/types.ts';
import { createRedactor } from '../registry/index.ts';
import { readTokenResponse, tokenCacheKey, tokenRequest } from './oauth-client-credentials.ts';
import type { OAuthTokenCache } from './oauth-token-cache.ts';
import { applyRequestAuth, boundHostsOf, hostIsListed, oauthMarker, readRequestAuth, type SecretPlaceholders } from '../secret-manifest/index.ts';
import { substituteSecrets } from './secret-substitution.ts';

/** `options.signal` aborts when the run that made the request has ended. */
export type FetchPort = (request: OutgoingRequest, options?: FetchOptions) => Promise<IncomingResponse>;

export interface SecretEgressOptions {
  manifest: FunctionManifest;
  placeholders: SecretPlaceholders;
  /** A declared secret's value; throws a guest-safe Error when it is not set. Absent in a dry run. */
  secretValue?: (name: string) => string;
  fetch: FetchPort;
  tokens: OAuthTokenCache;
  /** What `calls` keeps: requests as the function made them (placeholders, for records) or as sent (fixture tests). */
  record: 'placeholders' | 'sent';
  /** False only for fixture runs given no manifest: bindings are then unknown and not checked. */
  checkBindings?: boolean;
}

export interface SecretEgress {
  fetch: FetchPort;
  /** Every request, token requests included, in order. */
  calls: OutgoingRequest[];
  /** Every secret value and access token sent so far: what no record may contain. */
  sentValues(): string[];
}

export function createSecretEgress({ manifest, placeholders, secretValue, fetch, tokens, record, checkBindings = true }: SecretEgressOptions): SecretEgress {
  const calls: OutgoingRequest[] = [];
  const sent = new Set<string>();
  const dryRunTokens = new Map<string, Promise<string>>();
  const remember = (value: string) => (sent.add(value), value);
  const scope = {
    placeholders,
    boundHosts: (name: string) => (checkBindings ? boundHostsOf(manifest, name) : undefined),
    ...(secretValue === undefined ? {} : { secretValue: (name: string) => remember(secretValue(name)) }),
  };

  // 1. Substitute (or, in a dry run, only check), record, send, scrub the response.
  async function send(request: OutgoingRequest, bearer?: string, options?: FetchOptions): Promise<IncomingResponse> {
    const substituted = substituteSecrets(request, scope);
    const outgoing = bearer === undefined ? substituted : { ...substituted, headers: { ...substituted.headers, authorization: `Bearer ${bearer}` } };
    calls.push(structuredClone(record === 'sent' ? outgoing : request));
    let response: IncomingResponse;
    try {
      response = await fetch(outgoing, options);
    } catch (error) {
      throw scrubError(error);
    }
    return scrub(response);
  }

  // 2. A client's access token: cached across runs when live; in a dry run the token request is only recorded.
  // Token requests carry no run's signal: a cached token serves runs other than the one that asked first.
  async function tokenFor(clientName: string): Promise<string> {
    const client = manifest.oauth?.[clientName];
    if (client === undefined) throw new Error(`fetch: auth.oauth "${clientName}" is not a client declared in oauth`);
    const obtain = async () => readTokenResponse(clientName, await send(tokenRequest(client, placeholders)));
    if (secretValue !== undefined) return remember(await tokens.get(tokenCacheKey(manifest.name, clientName, client), obtain));
    let pending = dryRunTokens.get(clientName);
    if (pending === undefined) dryRunTokens.set(clientName, (pending = send(tokenRequest(client, placeholders)).then(() => oauthMarker(clientName))));
    return pending;
  }

  // 3. The function's request: its auth as a header, then out.
  async function guestFetch(request: OutgoingRequest, options?: FetchOptions): Promise<IncomingResponse> {
    const auth = readRequestAuth(request.auth, manifest);
    if (auth === undefined) return send(withoutAuth(request), undefined, options);
    const withHeader = applyRequestAuth(request, auth, placeholders);
    if (auth.kind !== 'oauth') return send(withHeader, undefined, options);
    const hosts = manifest.oauth?.[auth.client]?.hosts ?? [];
    if (!hostIsListed(hosts, new URL(request.url))) {
      throw new JoineryError('EGRESS_DENIED', `the token of OAuth client "${auth.client}" may only be sent to ${hosts.join(', ') || 'no host'}; this request goes to ${new URL(request.url).hostname}`);
    }
    return send(withHeader, await tokenFor(auth.client), options);
  }

  // What comes back into the function never holds a value the host sent: an upstream may echo a request.
  function scrub(response: IncomingResponse): IncomingResponse {
    if (sent.size === 0) return response;
    const redactor = createRedactor([...sent]);
    const headers = Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [name, redactor.text(value)]));
    return { ...response, headers, body: redactor.text(response.body) };
  }

  // A client's error may quote the request it was given (a fixture's "unexpected request: POST <url>").
  function scrubError(error: unknown): unknown {
    if (sent.size === 0 || !(error instanceof Error)) return error;
    const message = createRedactor([...sent]).text(error.message);
    if (message === error.message) return error;
    return error instanceof JoineryError ? new JoineryError(error.code, message) : new Error(message);
  }

  return { fetch: guestFetch, calls, sentValues: () => [...sent] };
}

function withoutAuth(request: OutgoingRequest): OutgoingRequest {
  const { auth: _none, ...rest } = request;
  return rest;
}
