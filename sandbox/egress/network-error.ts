// Network failures as the guest sees them: one clean sentence naming the host, never a host stack, path or
// internal address. Error codes are kept when they look like codes, since they help whoever debugs.

import { quote } from '../../core/hosts/index.ts';

const MESSAGES: Readonly<Record<string, (host: string) => string>> = {
  ECONNREFUSED: (host) => `connection to ${host} was refused`,
  ECONNRESET: (host) => `connection to ${host} was reset`,
  EPIPE: (host) => `connection to ${host} was reset`,
  ETIMEDOUT: (host) => `connection to ${host} timed out`,
  EHOSTUNREACH: (host) => `host ${host} is unreachable`,
  ENETUNREACH: (host) => `host ${host} is unreachable`,
  ENOTFOUND: (host) => `host ${host} could not be resolved`,
  EAI_AGAIN: (host) => `host ${host} could not be resolved (temporary DNS failure)`,
  ENODATA: (host) => `host ${host} could not be resolved`,
  ERR_TLS_CERT_ALTNAME_INVALID: (host) => `TLS certificate of ${host} does not match its name`,
};
const TLS_CODE = /^(CERT_|ERR_TLS_|ERR_SSL_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|EPROTO$)/;
const CODE = /^[A-Z][A-Z0-9_]{1,63}$/;

/** A failure this folder described itself; its message is already safe to show the guest. */
export class EgressFailure extends Error {}

/** Any failure during an exchange, as a plain Error with a message safe to show the guest. */
export function toNetworkError(
  error: unknown,
  { hostname, timedOut, timeoutMs }: { hostname: string; timedOut: boolean; timeoutMs: number },
): Error {
  const host = quote(hostname);
  if (error instanceof EgressFailure) return new Error(error.message);
  if (timedOut) return new Error(`request to ${host} timed out after ${timeoutMs} ms`);
  const code = errorCode(error);
  if (code === 'ABORT_ERR') return new Error(`request to ${host} was cancelled`);
  const message = code === undefined ? undefined : MESSAGES[code];
  if (message !== undefined) return new Error(message(host));
  if (code !== undefined && TLS_CODE.test(code)) return new Error(`TLS connection to ${host} failed (${code})`);
  if (code !== undefined && code.startsWith('HPE_')) return new Error(`host ${host} sent an invalid HTTP response (${code})`);
  return new Error(`request to ${host} failed${code === undefined ? '' : ` (${code})`}`);
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && CODE.test(code)) return code;
  return (error as { name?: unknown }).name === 'AbortError' ? 'ABORT_ERR' : undefined;
}
