// Parsing of IP address text into numbers, for the address policy. Accepts only canonical forms: the
// WHATWG URL parser and DNS both hand back dotted quads and RFC 4291 IPv6 text, so nothing else is an IP.

import { isIPv6 } from 'node:net';

const DOTTED_QUAD = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** The address as an unsigned 32-bit number, or undefined when the text is not a dotted quad. */
export function parseIpv4(text: string): number | undefined {
  const match = DOTTED_QUAD.exec(text);
  if (match === null) return undefined;
  let value = 0;
  for (const part of match.slice(1)) {
    const octet = Number(part);
    if (octet > 255 || (part.length > 1 && part.startsWith('0'))) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

/** The address as eight 16-bit groups, or undefined when the text is not IPv6. A zone (`%eth0`) is ignored. */
export function parseIpv6(text: string): number[] | undefined {
  const address = text.split('%')[0] ?? '';
  if (!isIPv6(address)) return undefined;
  const { hex, embedded } = splitEmbeddedIpv4(address);
  if (hex === undefined) return undefined;
  const [head = '', tail, ...rest] = hex.split('::');
  if (rest.length > 0) return undefined;
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = 8 - headGroups.length - tailGroups.length - embedded.length;
  if (missing < 0 || (tail === undefined && missing !== 0)) return undefined;
  const groups = [...headGroups.map(parseGroup), ...new Array<number>(missing).fill(0), ...tailGroups.map(parseGroup), ...embedded];
  return groups.every((group) => Number.isInteger(group)) ? groups : undefined;
}

/** The IPv4 address carried in two 16-bit groups (mapped, compatible, NAT64 and 6to4 forms). */
export function ipv4FromGroups(high: number, low: number): number {
  return high * 0x10000 + low;
}

function splitEmbeddedIpv4(address: string): { hex: string | undefined; embedded: number[] } {
  const lastColon = address.lastIndexOf(':');
  const last = address.slice(lastColon + 1);
  if (!last.includes('.')) return { hex: address, embedded: [] };
  const ipv4 = parseIpv4(last);
  if (ipv4 === undefined) return { hex: undefined, embedded: [] };
  const before = address.slice(0, lastColon + 1);
  const hex = before.endsWith('::') ? before : before.slice(0, -1);
  return { hex, embedded: [Math.floor(ipv4 / 0x10000), ipv4 % 0x10000] };
}

function parseGroup(group: string): number {
  return /^[0-9a-f]{1,4}$/i.test(group) ? Number.parseInt(group, 16) : Number.NaN;
}
