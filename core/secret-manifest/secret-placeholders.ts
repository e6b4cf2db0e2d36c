// What a function gets instead of a secret value: `joinery-secret-<run nonce>-<NAME>`. Only URI-unreserved
// characters that encodeURIComponent, URLSearchParams, escape() and JSON all leave alone, so the host finds
// it wherever the function put it. The nonce is random per run: an event or an upstream cannot forge one.

import { randomBytes } from 'node:crypto';

const PREFIX = 'joinery-secret-';
const NONCE_PATTERN = '[0-9a-f]{16}';
// Long enough to hold a base64-encoded nonce (16 bytes: at least 21 characters) at any alignment.
const BASE64_RUN = /[A-Za-z0-9+/_-]{21,}/g;

export interface SecretPlaceholders {
  readonly nonce: string;
  /** The placeholder of a name (declared or not: the caller checks that). */
  of(name: string): string;
  /** Declared names whose placeholder occurs in `text`, each once. */
  namesIn(text: string): string[];
  /** Every placeholder of a declared name replaced by `replacement(name)`. */
  replace(text: string, replacement: (name: string) => string): string;
  /** True when `text` holds this run's nonce outside a whole placeholder (upper-cased, reversed, hex- or
   *  base64-encoded): a placeholder the function transformed, which the host cannot put a value into. */
  holdsTransformed(text: string): boolean;
  /** Placeholders as records show them: `[secret:NAME]`. */
  render(text: string): string;
}

export function createSecretPlaceholders({
  names,
  nonce = randomBytes(8).toString('hex'),
}: {
  names: readonly string[];
  nonce?: string;
}): SecretPlaceholders {
  const declared = [...new Set(names)].filter((name) => /^[A-Za-z0-9_]+$/.test(name));
  // Longest first: with GRAPH and GRAPH_TOKEN declared, "...-GRAPH_TOKEN" is the longer one.
  const alternatives = declared.sort((left, right) => right.length - left.length).join('|');
  const pattern = alternatives === '' ? undefined : new RegExp(`${PREFIX}${nonce}-(${alternatives})`, 'g');
  const replace = (text: string, replacement: (name: string) => string): string =>
    pattern === undefined ? text : text.replace(pattern, (_match, name: string) => replacement(name));
  // The nonce as a transformed placeholder would show it: any case, reversed, hex-encoded.
  const traces = [nonce, [...nonce].reverse().join(''), Buffer.from(nonce, 'latin1').toString('hex')];
  return {
    nonce,
    of: (name) => `${PREFIX}${nonce}-${name}`,
    namesIn: (text) => (pattern === undefined ? [] : [...new Set([...text.matchAll(pattern)].map((match) => match[1] ?? ''))]),
    replace,
    holdsTransformed(text) {
      const rest = replace(text, () => '');
      // Base64 the host does not decode itself (a Basic credential it does) hides even a whole placeholder.
      const decoded = [...rest.matchAll(BASE64_RUN)].map((match) => Buffer.from(match[0], 'base64').toString('latin1'));
      return [rest, ...decoded].some((candidate) => traces.some((trace) => candidate.toLowerCase().includes(trace)));
    },
    render: (text) => replace(text, (name) => `[secret:${name}]`),
  };
}

/** True when `value` is a placeholder of `name` in the form this module makes; the sandbox checks every
 *  value it hands the guest with this, so no host can pass a secret value in by mistake. */
export function isSecretPlaceholder(value: unknown, name: string): boolean {
  return typeof value === 'string' && new RegExp(`^${PREFIX}${NONCE_PATTERN}-`).test(value) && value.endsWith(`-${name}`) && value.length === PREFIX.length + 17 + name.length;
}
