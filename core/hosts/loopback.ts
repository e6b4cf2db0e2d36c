// Which addresses keep a server on this machine. Anything else (0.0.0.0, ::, a LAN address, a name)
// exposes it, and then the Host and Origin checks need the names clients will use (allowedHosts).

import { isIP } from 'node:net';

/** 'localhost', 127.0.0.0/8 and ::1 (with or without brackets), in any case. */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (name === 'localhost') return true;
  if (isIP(name) === 4) return name.startsWith('127.');
  if (isIP(name) === 6) return name === '::1' || /^(0{1,4}:){7}0{0,3}1$/.test(name) || name === '::ffff:127.0.0.1';
  return false;
}

/** The Host names a loopback server answers to when no allowedHosts are given. */
export const LOOPBACK_HOST_NAMES = ['localhost', '127.0.0.1', '[::1]'] as const;
