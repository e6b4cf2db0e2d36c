// Sign-ins started with the identity provider and not yet come back: state → the PKCE verifier, the
// nonce and where to go next, kept server-side for ten minutes and taken once (a replayed callback finds
// nothing). The state also goes into a cookie, so a callback is accepted only in the browser that started it.

import { createHash } from 'node:crypto';
import { randomToken } from './session-store.ts';

interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  codeChallenge: string;
  next: string;
  createdAt: number;
}

export interface PendingSignIns {
  start(next: string): PendingSignIn;
  /** The pending sign-in for `state`, removed; undefined when unknown, used or older than the limit. */
  take(state: string | null | undefined): PendingSignIn | undefined;
}

const MAX_PENDING = 10_000;

export function createPendingSignIns({ now = Date.now, lifetimeMs = 10 * 60_000 }: { now?: () => number; lifetimeMs?: number } = {}): PendingSignIns {
  const pending = new Map<string, PendingSignIn>();
  const sweep = (at: number) => {
    for (const [state, entry] of pending) if (at - entry.createdAt > lifetimeMs) pending.delete(state);
  };
  return {
    start(next) {
      const at = now();
      sweep(at);
      // A flood of abandoned sign-ins drops the oldest rather than growing without bound.
      if (pending.size >= MAX_PENDING) pending.delete(pending.keys().next().value ?? '');
      const codeVerifier = randomToken();
      const entry: PendingSignIn = {
        state: randomToken(),
        nonce: randomToken(),
        codeVerifier,
        codeChallenge: createHash('sha256').update(codeVerifier).digest('base64url'),
        next,
        createdAt: at,
      };
      pending.set(entry.state, entry);
      return entry;
    },
    take(state) {
      if (typeof state !== 'string') return undefined;
      const entry = pending.get(state);
      pending.delete(state);
      if (entry === undefined || now() - entry.createdAt > lifetimeMs) return undefined;
      return entry;
    },
  };
}
