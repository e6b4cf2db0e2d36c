// The address policy: which destinations a function may never reach unless private networks are allowed.
// Anything that is not plainly a public unicast address is refused, including IPv6 forms that carry a
// refused IPv4 address (mapped, compatible, NAT64, 6to4).

import { ipv4FromGroups, parseIpv4, parseIpv6 } from '../../core/hosts/index.ts';

type Ipv4Range = readonly [first: string, prefixBits: number];

const BLOCKED_IPV4: readonly Ipv4Range[] = [
  ['0.0.0.0', 8], // "this network", includes the unspecified address
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, includes cloud metadata 169.254.169.254
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, includes broadcast 255.255.255.255
];

// Prefixes inside global unicast 2000::/3 that are still not public destinations.
const BLOCKED_IPV6_GLOBAL: readonly (readonly [groups: readonly number[], prefixBits: number])[] = [
  [[0x2001, 0x0000], 23], // IETF protocol assignments, includes Teredo 2001::/32
  [[0x2001, 0x0db8], 32], // documentation
  [[0x3fff, 0x0000], 20], // documentation
];

/** True when a connection to this address must be refused. Text that is not an IP address is refused too. */
export function isBlockedAddress(address: string): boolean {
  const ipv4 = parseIpv4(address);
  if (ipv4 !== undefined) return isBlockedIpv4(ipv4);
  const ipv6 = parseIpv6(address);
  if (ipv6 !== undefined) return isBlockedIpv6(ipv6);
  return true;
}

function isBlockedIpv4(address: number): boolean {
  return BLOCKED_IPV4.some(([first, prefixBits]) => {
    const size = 2 ** (32 - prefixBits);
    return Math.floor(address / size) === Math.floor((parseIpv4(first) ?? 0) / size);
  });
}

function isBlockedIpv6(groups: number[]): boolean {
  const embedded = embeddedIpv4(groups);
  if (embedded !== undefined) return isBlockedIpv4(embedded);
  if (!hasPrefix(groups, [0x2000], 3)) return true; // only global unicast is ever public
  return BLOCKED_IPV6_GLOBAL.some(([prefix, prefixBits]) => hasPrefix(groups, prefix, prefixBits));
}

/** The IPv4 address behind IPv6 forms that reach IPv4 hosts, judged by the IPv4 rules. */
function embeddedIpv4(groups: number[]): number | undefined {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  const firstFourZero = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0;
  if (firstFourZero && g4 === 0 && (g5 === 0 || g5 === 0xffff)) return ipv4FromGroups(g6, g7); // compatible, mapped
  if (firstFourZero && g4 === 0xffff && g5 === 0) return ipv4FromGroups(g6, g7); // SIIT translated
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return ipv4FromGroups(g6, g7); // NAT64
  if (g0 === 0x2002) return ipv4FromGroups(g1, g2); // 6to4
  return undefined;
}

function hasPrefix(groups: number[], prefix: readonly number[], prefixBits: number): boolean {
  for (let bit = 0; bit < prefixBits; bit += 16) {
    const index = bit / 16;
    const bits = Math.min(16, prefixBits - bit);
    const shift = 16 - bits;
    if ((groups[index] ?? 0) >> shift !== (prefix[index] ?? 0) >> shift) return false;
  }
  return true;
}
