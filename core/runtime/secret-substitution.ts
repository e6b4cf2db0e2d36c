// At egress, a request in placeholder form becomes the request that is sent: each placeholder is checked
// against the hosts its secret is bound to, then replaced by the value encoded for where it stands: a URL
// path or query (percent-encoded), a form body (form-encoded), a JSON body (JSON-escaped), a `Basic`
// credential (decoded, replaced, re-encoded), anything else as it is. A secret never changes the host.

import { JoineryError } from '../errors.ts';
import type { OutgoingRequest } from '../execution/types.ts';
import { readBasicCredential, writeBasicCredential } from '../registry/index.ts';
import { hostIsListed, type SecretPlaceholders } from '../secret-manifest/index.ts';

export interface SubstitutionScope {
  placeholders: SecretPlaceholders;
  /** Where a secret may go; undefined when no manifest says (fixture runs without one: the sandbox holds them to egress). */
  boundHosts(name: string): readonly string[] | undefined;
  /** The value to send; absent in a dry run, where placeholders stay as they are. */
  secretValue?: (name: string) => string;
}

const TRANSFORMED = 'this request holds a secret placeholder the function changed (secret values never enter a function: '
  + 'ctx.secrets.get returns a placeholder the host replaces only where it stands unchanged). Send credentials with '
  + "fetch(url, { auth: { bearer: 'NAME' } }), { basic: { username, password: { secret: 'NAME' } } } or { oauth: 'client' } "
  + '(see docs/contract.md, "Secrets")';

/** Throws EGRESS_DENIED for a secret sent to a host it is not bound to, INVALID_INPUT for a transformed placeholder. */
export function substituteSecrets(request: OutgoingRequest, { placeholders, boundHosts, secretValue }: SubstitutionScope): OutgoingRequest {
  const url = parseUrl(request.url);
  // A Basic credential is read decoded: the placeholder inside it is one the host puts a value into.
  const headerTexts = Object.values(request.headers).map((value) => readBasicCredential(value)?.decoded ?? value);
  const texts = [request.url, ...headerTexts, request.body ?? ''];
  if (texts.some((text) => placeholders.holdsTransformed(text))) throw new JoineryError('INVALID_INPUT', TRANSFORMED);
  for (const name of new Set(texts.flatMap((text) => placeholders.namesIn(text)))) {
    const hosts = boundHosts(name);
    if (hosts !== undefined && !hostIsListed(hosts, url)) {
      const where = hosts.length === 0 ? 'no host' : hosts.join(', ');
      throw new JoineryError('EGRESS_DENIED', `secret "${name}" may only be sent to ${where}; this request goes to ${url.hostname}`);
    }
  }
  if (secretValue === undefined) return request;

  const swap = (text: string, encode: (value: string) => string) => placeholders.replace(text, (name) => encode(secretValue(name)));
  const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, substituteHeader(name, value, swap)]));
  const sent: OutgoingRequest = { method: request.method, url: substituteUrl(url, swap), headers };
  if (request.body !== undefined) sent.body = swap(request.body, bodyEncoding(request.headers));
  return sent;
}

function parseUrl(text: string): URL {
  try {
    return new URL(text);
  } catch {
    throw new JoineryError('INVALID_INPUT', 'fetch(url): the URL is not a valid absolute URL');
  }
}

type Swap = (text: string, encode: (value: string) => string) => string;

function substituteUrl(url: URL, swap: Swap): string {
  const pathname = swap(url.pathname, (value) => encodeURIComponent(value).replace(/%2F/gi, '/'));
  const search = swap(url.search, encodeURIComponent);
  const sent = new URL(`${url.origin}${pathname}${search}${url.hash}`);
  if (sent.origin !== url.origin) throw new JoineryError('EGRESS_DENIED', 'a secret value would change where the request goes');
  return sent.href;
}

function substituteHeader(name: string, value: string, swap: Swap): string {
  const basic = readBasicCredential(value);
  // Inside a Basic credential the value goes in as its UTF-8 bytes, one latin1 character each.
  const decoded = basic === undefined ? undefined : swap(basic.decoded, (secret) => Buffer.from(secret, 'utf8').toString('latin1'));
  const sent = basic === undefined || decoded === undefined || decoded === basic.decoded
    ? swap(value, (secret) => secret)
    : writeBasicCredential({ ...basic, decoded });
  if (/[\r\n\0]/.test(sent)) throw new JoineryError('INVALID_INPUT', `a secret cannot go into header "${name}": its value has a line break or NUL`);
  return sent;
}

function bodyEncoding(headers: Record<string, string>): (value: string) => string {
  const type = Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1]?.toLowerCase() ?? '';
  if (type.startsWith('application/x-www-form-urlencoded')) return (value) => new URLSearchParams([['', value]]).toString().slice(1);
  if (/^application\/([\w.-]+\+)?json/.test(type)) return (value) => JSON.stringify(value).slice(1, -1);
  return (value) => value;
}
