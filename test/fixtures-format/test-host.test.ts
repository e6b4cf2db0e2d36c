// The test-mode host: the fixture's directory, secrets and outside world, and a record of every request.

import { describe, expect, it } from 'vitest';
import { createTestHost } from '../../core/fixtures/index.ts';
import type { OutgoingRequest } from '../../core/execution/types.ts';
import { directoryUser, fixture } from './fixture-builders.ts';

const get = (url: string): OutgoingRequest => ({ method: 'GET', url, headers: {} });

describe('directory', () => {
  const { host } = createTestHost(
    fixture({
      directory: {
        users: [directoryUser('JSmith'), directoryUser('adoe', { status: 'disabled', email: 'Ann.Doe@Example.com', employeeId: 'E7' })],
        retiredUsernames: ['mOld', 'zoe\u0308'],
      },
    }),
  );

  it('treats any user, active or disabled, and every retired name as taken, in any case', async () => {
    for (const name of ['jsmith', 'JSMITH', 'adoe', 'mold', 'MOLD', 'zoë']) expect(await host.isUsernameTaken(name)).toBe(true);
    for (const name of ['jsmith1', 'adoe ', 'zoe', '']) expect(await host.isUsernameTaken(name)).toBe(false);
  });

  it('finds users matching every given field, email and username in any case', async () => {
    expect((await host.findUsers({ username: 'jsmith' })).map((user) => user.username)).toEqual(['JSmith']);
    expect((await host.findUsers({ email: 'ann.doe@example.COM' })).map((user) => user.username)).toEqual(['adoe']);
    expect(await host.findUsers({ email: 'ann.doe@example.com', employeeId: 'E8' })).toEqual([]);
    expect((await host.findUsers({ employeeId: 'E7' })).map((user) => user.username)).toEqual(['adoe']);
    expect(await host.findUsers({})).toHaveLength(2);
  });

  it('hands out copies, so a function cannot change the fixture', async () => {
    const [user] = await host.findUsers({ username: 'jsmith' });
    user!.groups.push('admins');
    expect((await host.findUsers({ username: 'jsmith' }))[0]?.groups).toEqual([]);
  });

  it('sees an empty directory when the fixture has none', async () => {
    const empty = createTestHost(fixture()).host;
    expect(await empty.isUsernameTaken('jsmith')).toBe(false);
    expect(await empty.findUsers({})).toEqual([]);
  });
});

describe('secrets', () => {
  it('hands out a placeholder for a fixture secret and rejects a missing one with a clear message', async () => {
    const { host } = createTestHost(fixture({ secrets: { GRAPH_TOKEN: 'test-token' } }));
    expect(await host.getSecret('GRAPH_TOKEN')).toMatch(/^joinery-secret-[0-9a-f]{16}-GRAPH_TOKEN$/);
    await expect(host.getSecret('SLACK_TOKEN')).rejects.toThrow('secret "SLACK_TOKEN" is not set in this test');
    await expect(host.getSecret('toString')).rejects.toThrow('is not set');
  });
});

describe('http', () => {
  const url = 'https://graph.microsoft.com/v1.0/users';

  it('answers each entry once, in order, matching the method in any case and the URL exactly', async () => {
    const { host, calls } = createTestHost(
      fixture({
        http: [
          { request: { method: 'get', url }, response: { status: 200, body: 'first' } },
          { request: { method: 'POST', url }, response: { status: 201, body: 'created' } },
          { request: { method: 'GET', url }, response: { status: 503, body: 'second' } },
        ],
      }),
    );
    expect((await host.fetch(get(url))).body).toBe('first');
    expect((await host.fetch(get(url))).body).toBe('second');
    expect(await host.fetch({ method: 'post', url, headers: {}, body: '{}' })).toEqual({ status: 201, headers: {}, body: 'created' });
    await expect(host.fetch(get(url))).rejects.toThrow(
      `unexpected request: GET ${url}; the fixture's http list has no unused response for it`,
    );
    await expect(host.fetch(get(`${url}/`))).rejects.toThrow(`unexpected request: GET ${url}/;`);
    expect(calls.map((call) => call.url)).toEqual([url, url, url, url, `${url}/`]);
    expect(calls[2]).toEqual({ method: 'post', url, headers: {}, body: '{}' });
  });

  it('serialises JSON bodies, lowercases header names and answers an empty body with no body', async () => {
    const { host } = createTestHost(
      fixture({
        http: [
          { request: { method: 'GET', url }, response: { status: 200, body: { value: [{ id: 'u1' }] }, headers: { 'X-Request-Id': 'r1' } } },
          { request: { method: 'DELETE', url }, response: { status: 204 } },
          { request: { method: 'GET', url: `${url}/x` }, response: { status: 200, body: [1], headers: { 'Content-Type': 'text/plain' } } },
        ],
      }),
    );
    expect(await host.fetch(get(url))).toEqual({
      status: 200,
      headers: { 'x-request-id': 'r1', 'content-type': 'application/json' },
      body: '{"value":[{"id":"u1"}]}',
    });
    expect(await host.fetch({ method: 'DELETE', url, headers: {} })).toEqual({ status: 204, headers: {}, body: '' });
    expect((await host.fetch(get(`${url}/x`))).headers).toEqual({ 'content-type': 'text/plain' });
  });

  it('rejects every request when the fixture lists no responses, and still records it', async () => {
    const { host, calls } = createTestHost(fixture());
    await expect(host.fetch({ method: 'POST', url: 'https://evil.example/x', headers: { a: 'b' }, body: 'x' })).rejects.toThrow(
      'unexpected request: POST https://evil.example/x',
    );
    expect(calls).toEqual([{ method: 'POST', url: 'https://evil.example/x', headers: { a: 'b' }, body: 'x' }]);
  });
});

describe('reservations in a fixture', () => {
  const { host } = createTestHost(
    fixture({ directory: { users: [directoryUser('JSmith', { email: 'J.Smith@Example.com' })], retiredUsernames: ['mold'], retiredEmails: ['old@example.com'] } }),
  );

  it('succeed unless the fixture directory holds or retired the name; again for the same run; attempt is 1', async () => {
    for (const name of ['jsmith', 'MOLD']) expect(await host.reserveUsername(name)).toBe(false);
    for (const email of ['j.smith@example.com', 'OLD@example.com']) expect(await host.reserveEmail(email)).toBe(false);
    expect(await host.reserveUsername('jsmith1')).toBe(true);
    expect(await host.reserveUsername('jsmith1')).toBe(true);
    expect(await host.reserveEmail('jsmith1@example.com')).toBe(true);
    expect(await host.attempt()).toBe(1);
  });
});
