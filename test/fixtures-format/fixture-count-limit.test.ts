// Issue 9, defect 11: a fixture file holds at most MAX_FIXTURES tests (19,000 fit in 4 MB and ran for
// minutes). Past the cap the file is refused before any test is validated or run, naming count and limit.

import { describe, expect, it } from 'vitest';
import { MAX_FIXTURES, parseFixtureFile, parseFixtures } from '../../core/fixtures/index.ts';
import { fixture } from './fixture-builders.ts';

const tests = (count: number) => Array.from({ length: count }, (_, index) => fixture({ name: `case ${index}` }));

describe('the number of fixtures', () => {
  it('is capped at 500', () => {
    expect(MAX_FIXTURES).toBe(500);
  });

  it('accepts exactly the limit', () => {
    const parsed = parseFixtures(tests(MAX_FIXTURES));
    expect(parsed.ok && parsed.tests).toHaveLength(MAX_FIXTURES);
  });

  it.each([
    ['an array', (list: unknown[]) => list, '$'],
    ['{ tests }', (list: unknown[]) => ({ tests: list }), '$.tests'],
  ])('refuses one more in %s, with the count and the limit', (_label, wrap, path) => {
    const parsed = parseFixtureFile(JSON.stringify(wrap(tests(MAX_FIXTURES + 1))));
    expect(parsed).toEqual({ ok: false, errors: [{ path, message: expect.stringContaining(`holds 501 tests; the limit is ${MAX_FIXTURES} per file`) }] });
  });

  it('refuses 19,000 with one problem, not one per test', () => {
    const many = Array.from({ length: 19_000 }, () => ({ name: 'x' }));
    const parsed = parseFixtures(many);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors).toEqual([{ path: '$', message: expect.stringContaining('holds 19000 tests') }]);
  });
});
