// The dry-run client: records and answers without sending, and refuses exactly what a live run refuses
// (DNS aside), because both run the same checks.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JoineryError } from '../../core/errors.ts';
import type { OutgoingRequest } from '../../core/execution/types.ts';
import { createDryRunFetch, createEgressFetch, type EgressUrlOptions } from '../../sandbox/egress/index.ts';
import { noDns, rejectionOf } from './expectations.ts';
import { startUpstream, type Upstream } from './upstream-server.ts';

let upstream: Upstream;

beforeAll(async () => {
  upstream = await startUpstream();
});

afterAll(async () => {
  await upstream.close();
});

const policy: EgressUrlOptions = { allowedHosts: ['graph.microsoft.com', '*.service-now.com', '127.0.0.1'] };

describe('createDryRunFetch', () => {
  it('answers 202 with the dry-run body and header, and records a copy of the call', async () => {
    const dryRun = createDryRunFetch(policy);
    const request: OutgoingRequest = {
      method: 'POST',
      url: 'https://graph.microsoft.com/v1.0/users/u1/authentication/temporaryAccessPassMethods',
      headers: { authorization: 'Bearer test-token' },
      body: '{"isUsableOnce":true}',
    };
    const response = await dryRun.fetch(request);
    expect(response).toEqual({
      status: 202,
      headers: { 'content-type': 'application/json', 'x-joinery-dry-run': '1' },
      body: '{"dryRun":true}',
    });
    request.headers['authorization'] = 'changed later';
    expect(dryRun.calls).toEqual([{ ...request, headers: { authorization: 'Bearer test-token' } }]);
  });

  it('sends nothing, even to a reachable allowed upstream', async () => {
    const dryRun = createDryRunFetch({ allowedHosts: [`127.0.0.1:${upstream.port}`], allowHttp: true, allowPrivateNetworks: true });
    const before = upstream.requests.length;
    await dryRun.fetch({ method: 'GET', url: `${upstream.origin}/json`, headers: {} });
    expect(upstream.requests.length).toBe(before);
    expect(dryRun.calls).toHaveLength(1);
  });

  it.each<[string, OutgoingRequest]>([
    ['an undeclared host', { method: 'GET', url: 'https://evil.example/', headers: {} }],
    ['the apex of a wildcard', { method: 'GET', url: 'https://service-now.com/', headers: {} }],
    ['a private literal', { method: 'GET', url: 'https://127.0.0.1/', headers: {} }],
    ['a decimal loopback', { method: 'GET', url: 'https://2130706433/', headers: {} }],
    ['http', { method: 'GET', url: 'http://graph.microsoft.com/', headers: {} }],
    ['file', { method: 'GET', url: 'file:///etc/passwd', headers: {} }],
    ['credentials', { method: 'GET', url: 'https://user:pw@graph.microsoft.com/', headers: {} }],
    ['a refused method', { method: 'TRACE', url: 'https://graph.microsoft.com/', headers: {} }],
    ['a header injection', { method: 'GET', url: 'https://graph.microsoft.com/', headers: { 'x-a': 'a\r\nb: c' } }],
    ['a body on GET', { method: 'GET', url: 'https://graph.microsoft.com/', headers: {}, body: 'x' }],
    ['not a URL', { method: 'GET', url: '::', headers: {} }],
  ])('refuses %s exactly as a live run does, and records nothing', async (_case, request) => {
    const dryRun = createDryRunFetch(policy);
    const live = createEgressFetch({ ...policy, _internal: { lookup: noDns } });
    const dryError = await rejectionOf(dryRun.fetch(request));
    const liveError = await rejectionOf(live(request));
    expect(dryError).toBeInstanceOf(JoineryError);
    expect(liveError).toBeInstanceOf(JoineryError);
    expect((dryError as JoineryError).code).toBe((liveError as JoineryError).code);
    expect(dryError.message).toBe(liveError.message);
    expect(dryRun.calls).toEqual([]);
  });
});
