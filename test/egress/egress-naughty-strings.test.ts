// The Big List of Naughty Strings as URLs, paths, header names and values, methods and allowlist entries:
// every one ends in a response or a clean, guest-safe error, never a crash or a host stack.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JoineryError } from '../../core/errors.ts';
import { createDryRunFetch, createEgressFetch } from '../../sandbox/egress/index.ts';
import { expectGuestSafe, noDns } from './expectations.ts';
import { startUpstream, type RecordedRequest, type Upstream } from './upstream-server.ts';
import { NAUGHTY_STRINGS } from '../helpers/naughty-strings.ts';

const naughty = NAUGHTY_STRINGS;

let upstream: Upstream;

beforeAll(async () => {
  upstream = await startUpstream();
});

afterAll(async () => {
  await upstream.close();
});

const egressFetch = () =>
  createEgressFetch({ allowedHosts: [`127.0.0.1:${upstream.port}`], allowPrivateNetworks: true, allowHttp: true, _internal: { lookup: noDns } });

type Outcome = { ok: true; status: number; body: string } | { ok: false; error: Error };

async function outcomeOf(promise: Promise<{ status: number; body: string }>): Promise<Outcome> {
  try {
    const { status, body } = await promise;
    return { ok: true, status, body };
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    expectGuestSafe(error as Error);
    return { ok: false, error: error as Error };
  }
}

/** HTTP trims spaces and tabs around a header value, nothing else. */
const trimOws = (value: string) => value.replace(/^[ \t]+|[ \t]+$/g, '');

describe('naughty strings', () => {
  it('has the list', () => {
    expect(naughty.length).toBeGreaterThan(400);
  });

  it('as whole URLs: refused cleanly, nothing reaches DNS', async () => {
    const client = egressFetch();
    for (const text of naughty) {
      const outcome = await outcomeOf(client({ method: 'GET', url: text, headers: {} }));
      expect(outcome.ok, text).toBe(false);
      if (!outcome.ok) expect(outcome.error, text).toBeInstanceOf(JoineryError);
    }
  });

  it('as paths and queries of an allowed URL: every one sent and answered', async () => {
    const client = egressFetch();
    let answered = 0;
    for (const text of naughty) {
      const outcome = await outcomeOf(client({ method: 'GET', url: `${upstream.origin}/echo/${text}?q=${text}`, headers: {} }));
      if (outcome.ok) answered += 1;
    }
    expect(answered).toBe(naughty.length);
  });

  it('as header values: delivered exactly when valid, refused as invalid input otherwise', async () => {
    const client = egressFetch();
    for (const text of naughty) {
      const outcome = await outcomeOf(client({ method: 'GET', url: `${upstream.origin}/echo`, headers: { 'x-naughty': text } }));
      if (outcome.ok) {
        expect((JSON.parse(outcome.body) as RecordedRequest).headers['x-naughty'] ?? '', text).toBe(trimOws(text));
      } else {
        expect((outcome.error as JoineryError).code, text).toBe('INVALID_INPUT');
      }
    }
  });

  it('as header names and methods: refused cleanly unless they are valid', async () => {
    const client = egressFetch();
    for (const text of naughty) {
      const named = await outcomeOf(client({ method: 'GET', url: `${upstream.origin}/echo`, headers: { [text]: 'v' } }));
      if (!named.ok) expect(named.error, text).toBeInstanceOf(JoineryError);
      const method = await outcomeOf(client({ method: text, url: `${upstream.origin}/echo`, headers: {} }));
      if (!method.ok) expect(method.error, text).toBeInstanceOf(JoineryError);
    }
  });

  it('as allowlist entries and dry-run URLs: rejected as input or checked, never thrown raw', async () => {
    for (const text of naughty) {
      try {
        const dryRun = createDryRunFetch({ allowedHosts: [text] });
        await outcomeOf(dryRun.fetch({ method: 'GET', url: `https://${text}/`, headers: {} }));
      } catch (error) {
        expect(error, text).toBeInstanceOf(JoineryError);
        expect((error as JoineryError).code).toBe('INVALID_INPUT');
        expectGuestSafe(error as Error);
      }
    }
  });
});
