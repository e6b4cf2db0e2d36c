// The console in a real headless Chromium (playwright-core driving Debian's chromium): sign-in, the
// inbox, the version page with requirement, diff and behavioural diff, four eyes in the browser (no
// button for the requester, a forged POST refused), approval, a redacted execution, and hostile text
// rendered as text. With JOINERY_SCREENSHOTS=<folder> it saves the README's screenshots there.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findInvisibleCharacter } from '../../core/text/index.ts';
import { startConsoleHarness, HELPDESK_SECRET, type ConsoleHarness } from './console-harness.ts';
import { findChromium } from './find-chromium.ts';
import { addNaughtyVersion, MARKUP } from './naughty-setup.ts';

let harness: ConsoleHarness;
let browser: Browser;
let naughtyExecution: number;
const screenshots = process.env.JOINERY_SCREENSHOTS;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: findChromium(),
    args: ['--no-sandbox'],
  });
  harness = await startConsoleHarness();
  naughtyExecution = addNaughtyVersion(harness.registry);
  if (screenshots) mkdirSync(screenshots, { recursive: true });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

/** A fresh browser context signed in through the sign-in form; every dialog is recorded and accepted. */
async function signedIn(role: 'reviewer' | 'auditor', name: string): Promise<{ page: Page; dialogs: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.accept();
  });
  await page.goto(`${harness.url}/`);
  expect(new URL(page.url()).pathname).toBe('/sign-in');
  await page.fill('#token', harness.token(role, name));
  await page.click('button[type=submit]');
  await page.waitForURL(`${harness.url}/`);
  return { page, dialogs };
}

describe('the console in Chromium', () => {
  it('signs in and lists the pending version in the inbox', async () => {
    const { page } = await signedIn('reviewer', 'rosa');
    const row = page.locator('tr[data-function="generate-username"]');
    await expect(row.textContent()).resolves.toContain('generate-username@2');
    await expect(row.textContent()).resolves.toContain('agent:functions-author');
    if (screenshots)
      await page.screenshot({
        path: join(screenshots, 'console-inbox.png'),
        fullPage: true,
      });
    await page.context().close();
  });

  it('shows the requirement, the code diff and a behavioural diff with the changed username', async () => {
    const { page } = await signedIn('reviewer', 'rob');
    await page.click('a[href="/functions/generate-username/versions/2"]');
    await expect(page.locator('.requirement').textContent()).resolves.toContain('Danish ø is written as o');
    await expect(page.locator('table.diff tr.add').first().textContent()).resolves.toContain("'o'");
    const behaviour = (await page.locator('section.behaviour').textContent()) ?? '';
    expect(behaviour).toMatch(/Søren Ødegård\s*fixture\s*output\.username\s*soedegard\s*→\s*sodegard/);
    expect(await page.locator('button.approve').count()).toBe(1);
    if (screenshots)
      await page.screenshot({
        path: join(screenshots, 'console-version.png'),
        fullPage: true,
      });
    await page.context().close();
  });

  it('shows the requester no approve button, and refuses a forged POST', async () => {
    const { page } = await signedIn('reviewer', 'alice');
    await page.goto(`${harness.url}/functions/generate-username/versions/2`);
    expect(await page.locator('button.approve').count()).toBe(0);
    await expect(page.locator('section.decision').textContent()).resolves.toContain('you requested it');
    const csrf = await page.locator('input[name=csrf]').first().getAttribute('value');
    const forged = await page
      .context()
      .request.post(`${harness.url}/functions/generate-username/versions/2/review`, { form: { csrf: csrf ?? '', decision: 'approved' }, maxRedirects: 0 });
    expect(forged.status()).toBe(403);
    expect(harness.registry.getVersion('generate-username', 2)?.status).toBe('pending_review');
    await page.context().close();
  });

  it('shows an execution with its secret redacted', async () => {
    const { page } = await signedIn('auditor', 'audrey');
    await page.goto(`${harness.url}/executions/${harness.helpdeskExecutionId}`);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('[secret:HELPDESK_TOKEN]');
    expect(text).not.toContain(HELPDESK_SECRET);
    expect(await page.content()).not.toContain(HELPDESK_SECRET);
    await page.context().close();
  });

  it('renders hostile names, sources and logs as escaped text', async () => {
    const { page, dialogs } = await signedIn('auditor', 'ava');
    const injected = () => page.evaluate(() => (globalThis as unknown as { __injected?: number }).__injected);
    for (const path of [
      '/functions/naughty-strings/versions/1',
      `/executions/${naughtyExecution}`,
      `/functions/${encodeURIComponent(MARKUP)}/versions/1`,
    ]) {
      await page.goto(`${harness.url}${path}`);
      expect(await injected()).toBeUndefined();
      expect(await page.locator('main img, main script').count()).toBe(0);
      expect(await page.locator('script').count()).toBe(1);
    }
    await page.goto(`${harness.url}/functions/naughty-strings/versions/1`);
    const code = (await page.locator('table.diff').textContent()) ?? '';
    expect(code).toContain('\\x1b[2K\\x1b[1A\\u202eevil');
    expect(findInvisibleCharacter(code.replaceAll('\n', ''))).toBeUndefined();
    await expect(page.locator('.requirement').textContent()).resolves.toContain(MARKUP);
    expect(dialogs).toEqual([]);
    await page.context().close();
  });

  it('lets another reviewer approve in the browser: the version becomes active', async () => {
    const { page, dialogs } = await signedIn('reviewer', 'rita-browser');
    await page.goto(`${harness.url}/functions/generate-username/versions/2`);
    await page.fill('#comment', 'Checked Søren Ødegård: soedegard → sodegard is what HR asked for.');
    await page.click('button.approve');
    await page.waitForURL(`${harness.url}/functions/generate-username/versions/2`);
    await expect(page.locator('h1 .badge').textContent()).resolves.toBe('approved');
    expect(dialogs).toHaveLength(1);
    expect(harness.registry.getActiveVersion('generate-username')?.version).toBe(2);
    await page.context().close();
  });
});
