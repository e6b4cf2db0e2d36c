// The console over HTTP with a real serve, store and sandbox: sign-in, the inbox, the version page with
// its behavioural diff, four eyes (no button for the requester, a forged POST refused and audited), the
// CSRF check, approval, redacted executions, the audit export and the security headers.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsoleHarness, HELPDESK_SECRET, REQUIREMENT, type ConsoleHarness } from './console-harness.ts';
import { consoleClient, csrfOf } from './http-client.ts';

let harness: ConsoleHarness;
beforeAll(async () => {
  harness = await startConsoleHarness();
}, 120_000);
afterAll(async () => harness?.close());

const VERSION = '/functions/generate-username/versions/2';

describe('the review console', () => {
  it('sends signed-out browsers to sign-in, and refuses a bad token', async () => {
    const client = consoleClient(harness.url);
    const inbox = await client.get('/');
    expect(inbox.status).toBe(303);
    expect(inbox.headers.get('location')).toBe('/sign-in?next=%2F');
    const refused = await client.signIn('jnry_not-a-token');
    expect(refused.status).toBe(401);
    expect(harness.registry.listAudit({ allowed: false }).some((entry) => entry.action === 'console.sign-in')).toBe(true);
  });

  it('lists the pending version with its author, requester and reach', async () => {
    const client = consoleClient(harness.url);
    expect((await client.signIn(harness.token('reviewer', 'rosa'))).status).toBe(303);
    const inbox = await client.get('/');
    expect(inbox.status).toBe(200);
    expect(inbox.text).toContain('generate-username@2');
    expect(inbox.text).toContain('agent:functions-author');
    expect(inbox.text).toContain('alice');
    expect(inbox.text).not.toContain('notify-helpdesk@1');
  });

  it('shows the requirement, the diff and the behavioural diff with the changed username', async () => {
    const client = consoleClient(harness.url);
    await client.signIn(harness.token('reviewer', 'rob'));
    const page = await client.get(VERSION);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Danish ø is written as o');
    expect(page.text).toContain(REQUIREMENT.replace('ø', 'ø'));
    expect(page.text).toMatch(/<tr class="del">.*&#39;oe&#39;/);
    expect(page.text).toMatch(/<tr class="add">.*&#39;o&#39;/);
    expect(page.text).toMatch(/Søren Ødegård[\s\S]*output\.username[\s\S]*soedegard[\s\S]*→[\s\S]*sodegard/);
    expect(page.text).toContain('button class="approve"');
  });

  it('leaves the buttons out for the requester, and refuses a forged decision (audited)', async () => {
    const client = consoleClient(harness.url);
    await client.signIn(harness.token('reviewer', 'alice'));
    const page = await client.get(VERSION);
    expect(page.text).not.toContain('button class="approve"');
    expect(page.text).toContain('you requested it');
    const forged = await client.post(`${VERSION}/review`, {
      csrf: csrfOf(page.text),
      decision: 'approved',
      comment: '',
    });
    expect(forged.status).toBe(403);
    expect(harness.registry.getVersion('generate-username', 2)?.status).toBe('pending_review');
    expect(
      harness.registry.listAudit({ actor: 'alice', allowed: false }).some((entry) => entry.action === 'review' && entry.target === 'generate-username@2'),
    ).toBe(true);
  });

  it('refuses a decision without the session CSRF token', async () => {
    const client = consoleClient(harness.url);
    await client.signIn(harness.token('reviewer', 'ruth'));
    const refused = await client.post(`${VERSION}/review`, {
      csrf: 'guessed',
      decision: 'approved',
    });
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('CSRF');
    expect(harness.registry.getVersion('generate-username', 2)?.status).toBe('pending_review');
  });

  it('shows an execution with its secret redacted, to operators and auditors only', async () => {
    const auditor = consoleClient(harness.url);
    await auditor.signIn(harness.token('auditor', 'audrey'));
    const page = await auditor.get(`/executions/${harness.helpdeskExecutionId}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('api.example.com/tickets');
    expect(page.text).toContain('[secret:HELPDESK_TOKEN]');
    expect(page.text).not.toContain(HELPDESK_SECRET);
    const author = consoleClient(harness.url);
    await author.signIn(harness.token('author', 'arthur'));
    expect((await author.get(`/executions/${harness.helpdeskExecutionId}`)).status).toBe(403);
  });

  it('exports the audit trail as CSV and JSON lines, reviews included', async () => {
    const client = consoleClient(harness.url);
    await client.signIn(harness.token('auditor', 'ava'));
    const csv = await client.get('/audit/export?format=csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text.split('\r\n')[0]).toBe('id,created_at,actor,action,target,allowed,detail');
    expect(csv.text).toContain('"review.approved","generate-username@1"');
    const lines = (await client.get('/audit/export?format=jsonl&action=review.')).text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((entry) => entry.target)).toEqual(['generate-username@1', 'notify-helpdesk@1']);
  });

  it('answers every page with a strict CSP and SameSite=Strict, HttpOnly cookies', async () => {
    const client = consoleClient(harness.url);
    const form = await client.get('/sign-in');
    expect(form.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(form.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(form.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    expect(form.text).not.toMatch(/<script(?![^>]*src="\/console\.js")/);
    expect(form.text).not.toMatch(/ style=/);
  });

  it('lets a reviewer who is neither author nor requester approve: the version becomes active', async () => {
    const client = consoleClient(harness.url);
    await client.signIn(harness.token('reviewer', 'rita-2'));
    const page = await client.get(VERSION);
    const approved = await client.post(`${VERSION}/review`, {
      csrf: csrfOf(page.text),
      decision: 'approved',
      comment: 'checked the Danish names',
    });
    expect(approved.status).toBe(303);
    expect(harness.registry.getActiveVersion('generate-username')?.version).toBe(2);
    expect((await client.get('/')).text).not.toContain('generate-username@2');
  });
});
