// The identity-provider sign-ins waiting for their callback: each is taken once, is gone after ten
// minutes, and carries an S256 challenge of a verifier that differs per sign-in.

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPendingSignIns } from '../../server/console/session/pending-sign-ins.ts';

describe('createPendingSignIns', () => {
  it('hands a sign-in back once, by its state', () => {
    const pending = createPendingSignIns();
    const entry = pending.start('/flows');
    expect(pending.take('another-state')).toBeUndefined();
    expect(pending.take(entry.state)).toEqual(entry);
    expect(pending.take(entry.state)).toBeUndefined();
    expect(pending.take(null)).toBeUndefined();
  });

  it('forgets a sign-in after its lifetime', () => {
    let now = 1_000_000;
    const pending = createPendingSignIns({ now: () => now, lifetimeMs: 600_000 });
    const kept = pending.start('/');
    const late = pending.start('/');
    now += 600_000;
    expect(pending.take(kept.state)).toEqual(kept);
    now += 1;
    expect(pending.take(late.state)).toBeUndefined();
  });

  it('derives the challenge from a fresh verifier with S256', () => {
    const pending = createPendingSignIns();
    const first = pending.start('/');
    const second = pending.start('/');
    expect(first.codeChallenge).toBe(createHash('sha256').update(first.codeVerifier).digest('base64url'));
    expect(first.codeVerifier).not.toBe(second.codeVerifier);
    expect(first.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    expect(first.nonce).not.toBe(first.state);
  });
});
