// The address policy, address by address: every refused range from the egress brief, the IPv6 forms that
// carry a refused IPv4 address, and public addresses that must stay reachable.

import { describe, expect, it } from 'vitest';
import { isBlockedAddress } from '../../sandbox/egress/index.ts';

const REFUSED = [
  '127.0.0.1', '127.255.255.254', '10.0.0.1', '10.255.255.255', '172.16.0.1', '172.31.255.255',
  '192.168.0.1', '192.168.255.255', '169.254.0.1', '169.254.169.254', '100.64.0.1', '100.127.255.255',
  '0.0.0.0', '0.1.2.3', '224.0.0.1', '239.255.255.250', '240.0.0.1', '255.255.255.255',
  '192.0.2.1', '198.51.100.7', '203.0.113.9', '198.18.0.1', '192.0.0.8',
  '::1', '::', 'fe80::1', 'fe80::1%eth0', 'febf::1', 'fc00::1', 'fd12:3456::1', 'ff02::1', 'fec0::1',
  '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.1.2.3', '::ffff:a9fe:a9fe', '::127.0.0.1', '::7f00:1',
  '::ffff:0:127.0.0.1', '64:ff9b::127.0.0.1', '64:ff9b::a00:1', '64:ff9b::a9fe:a9fe', '64:ff9b:1::1',
  '2002:7f00:1::1', '2002:a9fe:a9fe::', '2001:db8::1', '2001::1', '3fff::1', '100::1',
];

const ALLOWED = [
  '8.8.8.8', '1.1.1.1', '93.184.215.14', '172.15.255.255', '172.32.0.0', '100.63.255.255', '100.128.0.0',
  '169.253.255.255', '11.0.0.0', '223.255.255.255', '192.169.0.1',
  '2606:4700:4700::1111', '2a00:1450:4001:80b::200e', '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1',
];

const NOT_ADDRESSES = ['', 'localhost', '127.1', '0x7f000001', '2130706433', '0177.0.0.1', '1.2.3.4.5', '01.2.3.4', '256.0.0.1', '[::1]', ':::1', '1::2::3'];

describe('isBlockedAddress', () => {
  it.each(REFUSED)('refuses %s', (address) => {
    expect(isBlockedAddress(address)).toBe(true);
  });

  it.each(ALLOWED)('allows public %s', (address) => {
    expect(isBlockedAddress(address)).toBe(false);
  });

  it.each(NOT_ADDRESSES)('refuses %j, which is not canonical address text', (text) => {
    expect(isBlockedAddress(text)).toBe(true);
  });
});
