// review_function's MCP App in a real headless Chromium: a test host frames the `ui://joinery/review`
// resource and plays the host side of the MCP Apps protocol with a real review_function result (from a
// real MCP server over the real toolchain). The app must render the requirement (hostile markup as
// text), the diff, the fixture table and the behavioural diff, and Approve must send tools/call for
// review_function with the version's name, number and the decision, which the server then records.

import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishFunction } from '../../core/pipeline/index.ts';
import { usernameFixtures, usernameSource } from '../../bench/console-username.ts';
import { findChromium } from '../console/find-chromium.ts';
import { createHarness, type Harness } from './harness.ts';
import { startAppHost } from './review-app-host.ts';

const REQUIREMENT = 'Danish ø is written as o. <script>window.pwned = true</script><img src=x onerror="window.pwned = true">';
let harness: Harness;
let browser: Browser;
let client: Client;
let host: { url: string; close(): Promise<void> };

beforeAll(async () => {
  harness = createHarness();
  const { registry, toolchain } = harness.deps;
  const publish = async (options: { source: string; fixturesText: string; author: string; requestedBy?: string; requirement?: string }) => {
    const result = await publishFunction({ ...options, toolchain, registry });
    if (!result.ok) throw new Error('publish failed');
  };
  await publish({ source: usernameSource({ oSlash: 'oe' }), fixturesText: usernameFixtures({ soren: 'soedegard' }), author: 'alice' });
  registry.review({ name: 'generate-username', version: 1, reviewer: 'carol', decision: 'approved' });
  await publish({
    source: usernameSource({ oSlash: 'o' }),
    fixturesText: usernameFixtures({ soren: 'sodegard' }),
    author: 'agent:functions-author',
    requestedBy: 'alice',
    requirement: REQUIREMENT,
  });
  client = await harness.connect({ name: 'rosa', role: 'reviewer' });
  const resource = await client.readResource({ uri: 'ui://joinery/review' });
  const appHtml = String((resource.contents[0] as { text?: string }).text);
  const toolResult = await client.callTool({ name: 'review_function', arguments: { name: 'generate-username', version: 2 } });
  host = await startAppHost({ appHtml, toolResult });
  browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await host?.close();
  await harness?.close();
});

async function openApp(): Promise<{ page: Page; app: Frame; calls: unknown[] }> {
  const page = await browser.newPage();
  const calls: unknown[] = [];
  await page.exposeFunction('callTool', async (params: { name: string; arguments: Record<string, unknown> }) => {
    calls.push(params);
    return client.callTool(params);
  });
  await page.goto(host.url);
  const app = page.frames().find((frame) => frame.url().endsWith('/app.html'));
  if (app === undefined) throw new Error('the app frame did not load');
  await app.waitForSelector('h1');
  return { page, app, calls };
}

describe('the review MCP App in Chromium', () => {
  it('renders the requirement as text, the diff, the fixtures and the behavioural diff', async () => {
    const { page, app } = await openApp();
    expect(await app.textContent('h1')).toBe('generate-username@2 (pending review)');
    expect(await app.textContent('.requirement')).toBe(REQUIREMENT);
    expect(await app.locator('.requirement script, .requirement img').count()).toBe(0);
    expect(await app.evaluate(() => (globalThis as { pwned?: boolean }).pwned ?? false)).toBe(false);
    // Only the changed line is marked added or removed; the file header lines are not.
    expect(await app.locator('pre .add').allTextContents()).toEqual(["+const SPELLINGS: Record<string, string> = { ø: 'o', æ: 'ae', ß: 'ss' };"]);
    expect(await app.locator('pre .del').allTextContents()).toEqual(["-const SPELLINGS: Record<string, string> = { ø: 'oe', æ: 'ae', ß: 'ss' };"]);
    expect(await app.locator('pre .hunk').allTextContents()).toEqual(['@@ -1,6 +1,6 @@']);
    const fixtureNames = await app.locator('section:has(h2:text-matches("^Fixtures")) tr td:first-child').allTextContents();
    expect(fixtureNames).toContain('Danish ø');
    const behaviour = await app.locator('section:has(h2:text("Behavioural diff"))').textContent();
    expect(behaviour).toMatch(/Søren Ødegård\s*output\.username\s*soedegard\s*→\s*sodegard/);
    const fromApp = await page.evaluate(() => (globalThis as unknown as { fromApp: { method?: string }[] }).fromApp.map((message) => message.method));
    expect(fromApp.slice(0, 2)).toEqual(['ui/initialize', 'ui/notifications/initialized']);
    await page.close();
  });

  it('sends tools/call for review_function when Approve is clicked, and shows the recorded decision', async () => {
    const { page, app, calls } = await openApp();
    await app.fill('textarea', 'checked the ø cases');
    await app.click('button.approve');
    await app.waitForSelector('p.notice');
    expect(calls).toEqual([
      { name: 'review_function', arguments: { name: 'generate-username', version: 2, decision: 'approve', comment: 'checked the ø cases' } },
    ]);
    expect(await app.textContent('p.notice')).toBe('approved generate-username@2 by rosa');
    expect(harness.deps.registry.getVersion('generate-username', 2)?.status).toBe('approved');
    await page.close();
  });
});
