// Host names as egress compares them: the one allowlist matcher (used by the egress client, the sandbox's
// manifest guard and secret bindings), IP address parsing, loopback names, and quoting guest text in messages.
export { createHostAllowlist, effectivePort, isIpLiteral, normalizeHostname, unbracket, type HostAllowlist } from './host-allowlist.ts';
export { ipv4FromGroups, parseIpv4, parseIpv6 } from './ip-address.ts';
export { quote } from './quote.ts';
export { isLoopbackHost, LOOPBACK_HOST_NAMES } from './loopback.ts';
