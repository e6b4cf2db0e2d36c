// Cookies the console sets: HttpOnly, SameSite=Strict (a cross-site request never carries them), Path=/,
// and Secure when the console is reached over HTTPS. The one Lax cookie is the OIDC state, which must come
// back with the identity provider's redirect (a cross-site navigation).

import type { IncomingMessage } from 'node:http';

export function readCookie(request: IncomingMessage, name: string): string | undefined {
  const header = request.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return undefined;
}

export function cookieHeader(name: string, value: string, {
  secure,
  maxAgeSeconds,
  sameSite = 'Strict',
}: { secure: boolean; maxAgeSeconds?: number; sameSite?: 'Strict' | 'Lax' }): string {
  const parts = [`${name}=${value}`, 'Path=/', 'HttpOnly', `SameSite=${sameSite}`];
  if (secure) parts.push('Secure');
  if (maxAgeSeconds !== undefined) parts.push(`Max-Age=${maxAgeSeconds}`);
  return parts.join('; ');
}

export function clearedCookieHeader(name: string, { secure, sameSite }: { secure: boolean; sameSite?: 'Strict' | 'Lax' }): string {
  return cookieHeader(name, '', { secure, maxAgeSeconds: 0, ...(sameSite ? { sameSite } : {}) });
}
