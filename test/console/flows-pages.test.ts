// Flows in the console over HTTP: the list and a version page (steps with conditions, author, requester,
// status), readable by operators, auditors and reviewers but not authors; approve and reject under four
// eyes (no buttons for the author or requester, a forged decision refused by reviewFlow and audited),
// the CSRF check, and an approval that makes the version active.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleClient, csrfOf } from './http-client.ts';
import { startLightConsole, type LightConsole } from './light-console.ts';

let harness: LightConsole;
const PAGE = '/flows/onboard/versions/2';

beforeAll(async () => {
  harness = await startLightConsole();
  const steps = [
    { function: 'generate-username' },
    { function: 'notify-helpdesk', condition: { path: 'event.person.department', equals: 'R&D <script>' } },
  ];
  const first = harness.flows.publish({ definition: { name: 'onboard', trigger: 'user.joined', steps: steps.slice(0, 1) }, author: 'alice' });
  harness.flows.review({ name: first.name, version: first.version, reviewer: 'rita', decision: 'approved' });
  harness.flows.publish({
    definition: { name: 'onboard', trigger: 'user.joined', description: 'Joiners <b>get</b> a helpdesk ticket', steps },
    author: 'agent:functions-author',
    requestedBy: 'alice',
  });
});
afterAll(async () => harness?.close());

async function signedIn(role: 'reviewer' | 'operator' | 'auditor' | 'author', name: string) {
  const client = consoleClient(harness.url);
  expect((await client.signIn(harness.token(role, name))).status).toBe(303);
  return client;
}

describe('flows in the console', () => {
  it('lists flows with trigger, latest version, status and the active version', async () => {
    const client = await signedIn('operator', 'otto');
    const list = await client.get('/flows');
    expect(list.status).toBe(200);
    expect(list.text).toMatch(/data-flow="onboard"[\s\S]*user\.joined[\s\S]*@2[\s\S]*pending review[\s\S]*@1/);
    expect((await (await signedIn('author', 'ann')).get('/flows')).status).toBe(403);
  });

  it('shows the steps with their conditions, escaped, and no buttons for an auditor', async () => {
    const client = await signedIn('auditor', 'aud');
    const page = await client.get(PAGE);
    expect(page.status).toBe(200);
    expect(page.text).toContain('agent:functions-author');
    expect(page.text).toMatch(/Requested by<\/th><td>alice/);
    expect(page.text).toContain('generate-username');
    expect(page.text).toContain('&quot;R&amp;D &lt;script&gt;&quot;');
    expect(page.text).toContain('Joiners &lt;b&gt;get&lt;/b&gt;');
    expect(page.text).not.toContain('button class="approve"');
    expect((await client.get('/flows/onboard/versions/9')).status).toBe(404);
  });

  it('leaves the buttons out for the requester, and refuses a forged decision (audited by reviewFlow)', async () => {
    const client = await signedIn('reviewer', 'alice');
    const page = await client.get(PAGE);
    expect(page.text).not.toContain('button class="approve"');
    expect(page.text).toContain('you requested it');
    const forged = await client.post(`${PAGE}/review`, { csrf: csrfOf(page.text), decision: 'approved' });
    expect(forged.status).toBe(403);
    const entry = harness.registry.listAudit({ allowed: false }).find((item) => item.action === 'flow.review');
    expect(entry).toMatchObject({ actor: 'alice', target: 'onboard@2', detail: { via: 'console' } });
    expect(harness.flows.getVersion('onboard', 2)?.status).toBe('pending_review');
  });

  it('refuses a decision without the CSRF token, then approves with it', async () => {
    const client = await signedIn('reviewer', 'rosa');
    const page = await client.get(PAGE);
    expect(page.text).toContain('button class="approve"');
    expect((await client.post(`${PAGE}/review`, { csrf: 'forged', decision: 'approved' })).status).toBe(403);
    expect(harness.flows.getVersion('onboard', 2)?.status).toBe('pending_review');
    const approved = await client.post(`${PAGE}/review`, { csrf: csrfOf(page.text), decision: 'approved', comment: 'checked the condition' });
    expect(approved.status).toBe(303);
    expect(approved.headers.get('location')).toBe(PAGE);
    const record = harness.flows.getVersion('onboard', 2);
    expect(record).toMatchObject({ status: 'approved', reviewer: 'rosa', active: true });
    const after = await client.get(PAGE);
    expect(after.text).toContain('checked the condition');
    expect(after.text).not.toContain('button class="approve"');
    expect(harness.registry.listAudit({ allowed: true }).some((item) => item.action === 'flow.review' && item.actor === 'rosa')).toBe(true);
  });
});
