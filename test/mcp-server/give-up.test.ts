// Over MCP a give-up is data an assistant can act on: each sentence the built-in author could not
// handle, with the reason, and next steps that name MCP tools and resources; never advice written for a
// terminal (environment variables, --provider, commands) or to drop part of what the person asked for.
// Errors name MCP tools too: running an unapproved function points at review_function.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { createHarness, structured } from './harness.ts';
import { SAMPLE_NAME, sampleEvent, sampleFixtures, sampleSource } from './sample-function.ts';

const CLI_SPEAK = /ANTHROPIC_API_KEY|--provider|--as\b|joinery [a-z]+ |remove (?:it|them)/i;

const harness = createHarness();
let alice: Client;
beforeAll(async () => {
  alice = await harness.connect({ name: 'alice', role: 'admin' });
});
afterAll(() => harness.close());

const call = async (name: string, args: Record<string, unknown>) => structured(await alice.callTool({ name, arguments: args }));

describe('author_function giving up', () => {
  it('names each sentence it could not handle, with the reason, and what to do next', async () => {
    const result = await call('author_function', {
      requirement: 'Usernames are the first initial plus the last name in lowercase; if taken add 1, 2, 3. Send the new hire a haiku about the weather on their first morning.',
    });
    expect(result).toMatchObject({ ok: false, stop: 'gave-up', draft: null });
    expect(result.notUnderstood).toEqual([{ sentence: expect.stringContaining('haiku about the weather'), reason: expect.any(String) }]);
    expect(result.reason).toContain('username');
    expect(result.nextSteps.join(' ')).toMatch(/save_draft/);
    expect(result.nextSteps.join(' ')).toContain('joinery://sdk/index.d.ts');
    expect(JSON.stringify(result)).not.toMatch(CLI_SPEAK);
  });

  it('names the words it could not account for, not a failing template, when every sentence was read', async () => {
    const result = await call('author_function', {
      requirement: 'Usernames are the first initial plus the last name in lowercase; if taken add 1, 2, 3. Only for people in Berlin.',
    });
    expect(result).toMatchObject({ ok: false, stop: 'gave-up', draft: null });
    expect(result.notUnderstood).toEqual([{ sentence: 'Only for people in Berlin', reason: expect.stringContaining('"Berlin" (place)') }]);
    expect(result.reason).toMatch(/could not account for/);
    expect(result.reason).not.toMatch(/own fixtures|cannot be met as written/);
    expect(JSON.stringify(result)).not.toMatch(CLI_SPEAK);
  });

  it('says no family fits when none does, sentence by sentence', async () => {
    const result = await call('author_function', { requirement: 'Brew coffee for the team. Water the plants on Fridays.' });
    expect(result).toMatchObject({ ok: false, stop: 'gave-up' });
    expect(result.notUnderstood.map((entry: { sentence: string }) => entry.sentence)).toEqual(['Brew coffee for the team', 'Water the plants on Fridays']);
    expect(result.reason).toMatch(/recognised no rule family/);
    expect(JSON.stringify(result)).not.toMatch(CLI_SPEAK);
  });
});

describe('errors that name MCP tools', () => {
  it('running a function with no approved version points at review_function', async () => {
    await call('publish_function', { source: sampleSource(), fixtures: sampleFixtures() });
    const result = await call('run_function', { name: SAMPLE_NAME, input: sampleEvent(), dry_run: true });
    expect(result).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('review_function') });
    expect(result.message).not.toMatch(CLI_SPEAK);
  });

  it('running a pending version by number points at review_function', async () => {
    const result = await call('run_function', { name: SAMPLE_NAME, version: 1, input: sampleEvent(), dry_run: true });
    expect(result).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('review_function') });
  });
});

describe('run_function checks the event like a fixture', () => {
  it('refuses an untyped record, naming every missing field, and runs nothing', async () => {
    harness.registry.review({ name: SAMPLE_NAME, version: 1, reviewer: 'carol', decision: 'approved' });
    const result = await call('run_function', { name: SAMPLE_NAME, input: { person: { firstName: 'A' } }, dry_run: true });
    expect(result.code).toBe('INVALID_INPUT');
    for (const field of ['input.type', 'input.id', 'input.occurredAt', 'input.person.lastName', 'input.person.employeeId']) expect(result.message).toContain(field);
    expect(harness.registry.listExecutions(SAMPLE_NAME)).toEqual([]);
  });

  it('runs a complete event', async () => {
    expect(await call('run_function', { name: SAMPLE_NAME, input: sampleEvent(), dry_run: true })).toMatchObject({ returned: true });
  });
});
