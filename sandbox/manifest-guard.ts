// Defence in depth: the sandbox itself holds a run to the secrets and egress hosts its bundle declared,
// whatever the HostCapabilities behind it would allow. Every refusal is an Error written for the guest.
import type { FunctionManifest, OutgoingRequest } from '../core/execution/types.ts';
import { isSecretPlaceholder, readRequestAuth } from '../core/secret-manifest/index.ts';
import { createHostAllowlist, effectivePort } from './egress/index.ts';

const METHOD = /^[A-Z]{1,16}$/;
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export function checkSecretDeclared(name: unknown, declared: readonly string[]): string {
  if (typeof name !== 'string') throw new Error('secrets.get(name): name must be a string');
  if (!declared.includes(name)) throw new Error(`secret "${name}" is not declared in secrets`);
  return name;
}

/**
 * Parses with WHATWG URL, as the fetch behind it will; only http(s), no credentials, declared hosts and
 * ports only (matched by the egress allowlist, the one place that reads egress entries).
 */
export function checkDeclaredUrl(raw: unknown, egress: readonly string[]): URL {
  if (typeof raw !== 'string') throw new Error('fetch(url): url must be a string');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`fetch(url): "${raw.slice(0, 200)}" is not a valid absolute URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`fetch(url): the "${url.protocol}" scheme is not allowed; use http or https`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new Error('fetch(url): URLs with credentials (user@host) are not allowed');
  }
  const allowlist = createHostAllowlist(egress);
  if (!allowlist.allows(url)) {
    const hostname = url.hostname.toLowerCase();
    throw new Error(allowlist.includesHost(hostname) ? `host "${hostname}" on port ${effectivePort(url)} is not in egress` : `host "${hostname}" is not in egress`);
  }
  return url;
}

/** Secret values never enter the sandbox: what the host hands back for a secret must be its placeholder. */
export function checkSecretPlaceholder(value: unknown, name: string): string {
  if (!isSecretPlaceholder(value, name)) throw new Error('secrets.get: the host returned a value instead of a placeholder; secret values never enter a function');
  return value as string;
}

/**
 * Builds the request the host sees from what the guest bridge sent: JSON and form bodies get a content type,
 * and `auth` must name a declared secret or OAuth client (the host adds the credential at egress).
 */
export function toOutgoingRequest(payload: unknown, manifest: FunctionManifest, maxBodyBytes: number): OutgoingRequest {
  if (typeof payload !== 'object' || payload === null) throw new Error('fetch: bad request');
  const { url, method = 'GET', headers = {}, body, json, form, auth } = payload as Record<string, unknown>;
  const checkedUrl = checkDeclaredUrl(url, manifest.egress);
  const checkedMethod = typeof method === 'string' ? method.toUpperCase() : '';
  if (!METHOD.test(checkedMethod)) throw new Error(`fetch: "${String(method).slice(0, 40)}" is not an HTTP method`);
  const request: OutgoingRequest = { method: checkedMethod, url: checkedUrl.href, headers: checkHeaders(headers) };
  if (body !== undefined) {
    if (typeof body !== 'string') throw new Error('fetch: body must be a string or a JSON value');
    const bodyBytes = Buffer.byteLength(body);
    if (bodyBytes > maxBodyBytes) throw new Error(`fetch: the body is ${bodyBytes} bytes, over the limit of ${maxBodyBytes} (maxRequestBodyBytes)`);
    request.body = body;
    if (json === true && request.headers['content-type'] === undefined) request.headers['content-type'] = 'application/json';
    if (form === true && request.headers['content-type'] === undefined) request.headers['content-type'] = 'application/x-www-form-urlencoded;charset=UTF-8';
  }
  if (readRequestAuth(auth, manifest) !== undefined) request.auth = structuredClone(auth) as OutgoingRequest['auth'];
  return request;
}

function checkHeaders(headers: unknown): Record<string, string> {
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) {
    throw new Error('fetch: headers must be an object of strings');
  }
  const checked = Object.entries(headers).map(([name, value]): [string, string] => {
    if (!HEADER_NAME.test(name)) throw new Error(`fetch: "${name.slice(0, 40)}" is not a valid header name`);
    if (typeof value !== 'string' || /[\r\n\0]/.test(value)) throw new Error(`fetch: header "${name}" must be a single-line string`);
    return [name.toLowerCase(), value];
  });
  return Object.fromEntries(checked); // own data properties, even for a header named "__proto__"
}
