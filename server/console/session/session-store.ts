// Console sessions, in memory: a random id in a cookie, the principal, a CSRF token every form carries,
// and two expiries, idle (default 30 minutes) and absolute (default 8 hours). A session made from a
// bearer token re-checks the token on every request, so revoking it ends the session at once. Sessions
// do not survive a restart: signing in again is the recovery.

import { randomBytes, timingSafeEqual } from 'node:crypto';

interface ConsolePrincipal {
  name: string;
  role: string;
  /** How the name was established, recorded with reviews: a bearer token (of the token store, or the
   *  identity provider's), the same kinds the MCP server's HTTP transport takes (hence its recorded name). */
  source: 'mcp-token';
}

export interface Session {
  id: string;
  csrf: string;
  principal: ConsolePrincipal;
  /** The bearer token the person signed in with (kept in memory only, to re-check it); undefined for a
   *  sign-in with the identity provider, which the idle and absolute expiries bound instead. */
  token: string | undefined;
  createdAt: number;
  lastSeenAt: number;
}

export interface SessionStore {
  create(input: { principal: ConsolePrincipal; token: string | undefined }): Session;
  /** The live session with this id (its idle time restarts), or undefined. */
  get(id: string | undefined): Session | undefined;
  destroy(id: string | undefined): void;
}

export function createSessionStore({
  idleMs = 30 * 60_000,
  maxAgeMs = 8 * 3_600_000,
  now = Date.now,
}: {
  idleMs?: number;
  maxAgeMs?: number;
  now?: () => number;
} = {}): SessionStore {
  const sessions = new Map<string, Session>();
  const expired = (session: Session, at: number) => at - session.lastSeenAt > idleMs || at - session.createdAt > maxAgeMs;
  const sweep = (at: number) => {
    for (const [id, session] of sessions) if (expired(session, at)) sessions.delete(id);
  };
  return {
    create({ principal, token }) {
      const at = now();
      sweep(at);
      const session: Session = {
        id: randomToken(),
        csrf: randomToken(),
        principal,
        token,
        createdAt: at,
        lastSeenAt: at,
      };
      sessions.set(session.id, session);
      return session;
    },
    get(id) {
      if (id === undefined) return undefined;
      const session = sessions.get(id);
      const at = now();
      if (session === undefined) return undefined;
      if (expired(session, at)) {
        sessions.delete(id);
        return undefined;
      }
      session.lastSeenAt = at;
      return session;
    },
    destroy(id) {
      if (id !== undefined) sessions.delete(id);
    },
  };
}

export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison of two tokens (a mismatch in length is a mismatch). */
export function sameToken(left: string | undefined, right: string | undefined): boolean {
  if (left === undefined || right === undefined) return false;
  const a = Buffer.from(left);
  const b = Buffer.from(right);
  return a.length === b.length && timingSafeEqual(a, b);
}
