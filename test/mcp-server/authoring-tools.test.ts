// check_function, test_function, save_draft and publish_function through a real Client, on the real
// toolchain: results for passing and failing code, drafts, and the publish gates.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { createHarness, structured } from './harness.ts';
import { SAMPLE_NAME, SAMPLE_SPEC, sampleFixtures, sampleSource } from './sample-function.ts';

const harness = createHarness();
let alice: Client;
beforeAll(async () => {
  alice = await harness.connect({ name: 'alice', role: 'author' });
});
afterAll(() => harness.close());

describe('check_function', () => {
  it('passes good source and reports what it declares', async () => {
    const result = await alice.callTool({ name: 'check_function', arguments: { source: sampleSource() } });
    expect(result.isError).toBeFalsy();
    expect(structured(result)).toMatchObject({ ok: true, problems: [], manifest: { name: SAMPLE_NAME, trigger: 'user.joined', egress: ['hooks.example.com'], secrets: [] } });
  });

  it('reports a type error with its line, as a normal result', async () => {
    const broken = sampleSource().replace('let username = base;', 'let username: number = base;');
    const result = await alice.callTool({ name: 'check_function', arguments: { source: broken } });
    expect(result.isError).toBeFalsy();
    const check = structured(result);
    expect(check.ok).toBe(false);
    expect(check.problems[0]).toMatchObject({ stage: 'type-check', line: 11 });
  });

  it('wants exactly one of source or draft', async () => {
    const result = await alice.callTool({ name: 'check_function', arguments: {} });
    expect(result.isError).toBe(true);
    expect(structured(result)).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('exactly one of') });
  });
});

describe('test_function', () => {
  it('runs inline source against inline fixtures', async () => {
    const result = await alice.callTool({ name: 'test_function', arguments: { source: sampleSource(), fixtures: sampleFixtures() } });
    expect(structured(result)).toMatchObject({ ok: true, name: SAMPLE_NAME, passed: 2, failed: 0, failures: [] });
  });

  it('names each failing fixture and why', async () => {
    const result = await alice.callTool({ name: 'test_function', arguments: { source: sampleSource({ suffixStart: 2 }), fixtures: sampleFixtures() } });
    const summary = structured(result);
    expect(result.isError).toBeFalsy();
    expect(summary).toMatchObject({ ok: false, passed: 1, failed: 1 });
    expect(summary.failures[0]).toMatchObject({ name: 'taken name gets a number', failures: expect.arrayContaining([expect.stringContaining('expected "jsmith1", got "jsmith2"')]) });
  });

  it('answers with the warnings of fixtures that pass (no expect, a response never used)', async () => {
    const [first, second] = JSON.parse(sampleFixtures()) as Array<Record<string, unknown>>;
    const unexpecting = { ...first, name: 'nothing expected', expect: undefined };
    const extra = { request: { method: 'GET', url: 'https://hooks.example.com/unused' }, response: { status: 200 } };
    const overMocked = { ...second, http: [...((second?.http ?? []) as unknown[]), extra] };
    const fixtures = JSON.stringify([unexpecting, overMocked]);
    const result = await alice.callTool({ name: 'test_function', arguments: { source: sampleSource(), fixtures } });
    const unused = 'http[1] (GET https://hooks.example.com/unused) was never requested: the function did not make this call, or made it to another URL';
    expect(structured(result)).toMatchObject({
      ok: true,
      passed: 2,
      warnings: [
        { name: 'nothing expected', warnings: [expect.stringMatching(/^no expect: /)] },
        { name: 'taken name gets a number', warnings: [unused] },
      ],
    });
  });

  it('reports a malformed fixture file', async () => {
    const result = await alice.callTool({ name: 'test_function', arguments: { source: sampleSource(), fixtures: '[{"input": {}}]' } });
    expect(structured(result).ok).toBe(false);
    expect(structured(result).fixtureProblems.length).toBeGreaterThan(0);
  });
});

describe('save_draft and publish_function', () => {
  it('saves a draft with its test results, and tests it again by name', async () => {
    const saved = await alice.callTool({ name: 'save_draft', arguments: { name: SAMPLE_NAME, source: sampleSource(), fixtures: sampleFixtures(), spec: SAMPLE_SPEC } });
    expect(structured(saved)).toMatchObject({ draft: { name: SAMPLE_NAME, owner: 'alice', author: 'alice' }, test: { ok: true }, warnings: [] });
    const retested = await alice.callTool({ name: 'test_function', arguments: { draft: SAMPLE_NAME } });
    expect(structured(retested)).toMatchObject({ ok: true, passed: 2 });
  });

  it('warns when the draft name and the declared name differ, and refuses to publish it', async () => {
    const saved = await alice.callTool({ name: 'save_draft', arguments: { name: 'other-name', source: sampleSource(), fixtures: sampleFixtures() } });
    expect(structured(saved).warnings[0]).toContain(`declares the name "${SAMPLE_NAME}"`);
    const published = await alice.callTool({ name: 'publish_function', arguments: { draft: 'other-name' } });
    expect(structured(published)).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('publishes a draft as a pending version authored by the caller', async () => {
    const result = await alice.callTool({ name: 'publish_function', arguments: { draft: SAMPLE_NAME } });
    expect(result.isError).toBeFalsy();
    expect(structured(result).published).toMatchObject({ name: SAMPLE_NAME, version: 1, status: 'pending_review', author: 'alice', requestedBy: null });
    expect(harness.registry.getVersion(SAMPLE_NAME, 1)?.spec).toBe(SAMPLE_SPEC);
  });

  it('answers an identical republish by the same author with the version it already is', async () => {
    const result = await alice.callTool({ name: 'publish_function', arguments: { draft: SAMPLE_NAME } });
    expect(structured(result)).toMatchObject({ existing: true, published: { version: 1, status: 'pending_review' } });
    expect(harness.registry.listVersions(SAMPLE_NAME)).toHaveLength(1);
  });

  it('stores nothing when a fixture fails, and says which one', async () => {
    const result = await alice.callTool({ name: 'publish_function', arguments: { source: sampleSource({ suffixStart: 2 }), fixtures: sampleFixtures(), requested_by: 'hr-bob' } });
    expect(result.isError).toBe(true);
    expect(structured(result)).toMatchObject({ code: 'TESTS_FAILED', message: expect.stringContaining('taken name gets a number'), details: { test: { ok: false } } });
    expect(harness.registry.listVersions(SAMPLE_NAME)).toHaveLength(1);
  });

  it('answers CHECK_FAILED for code that does not compile', async () => {
    const result = await alice.callTool({ name: 'publish_function', arguments: { source: 'export default 1 +;', fixtures: sampleFixtures() } });
    expect(structured(result)).toMatchObject({ code: 'CHECK_FAILED', details: { test: { ok: false, problems: expect.arrayContaining([expect.objectContaining({ stage: 'type-check' })]) } } });
  });

  it('publishes inline code with its requester', async () => {
    const result = await alice.callTool({ name: 'publish_function', arguments: { source: sampleSource({ suffixStart: 2 }), fixtures: sampleFixtures({ suffixStart: 2 }), requested_by: 'hr-bob' } });
    expect(structured(result).published).toMatchObject({ version: 2, author: 'alice', requestedBy: 'hr-bob' });
  });

  it('finds only the caller\'s own drafts', async () => {
    const bob = await harness.connect({ name: 'bob', role: 'author' });
    const result = await bob.callTool({ name: 'test_function', arguments: { draft: SAMPLE_NAME } });
    expect(structured(result)).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('bob has no draft') });
  });
});
