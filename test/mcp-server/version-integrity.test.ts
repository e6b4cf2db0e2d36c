// Issue 9, defect 6 over MCP: run_function and test_function of a stored version refuse a version whose
// content no longer matches its sha256, with the INTEGRITY code.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { tamperWithVersion } from '../helpers/tamper-with-version.ts';
import { createHarness, structured } from './harness.ts';
import { SAMPLE_NAME, sampleEvent } from './sample-function.ts';

const harness = createHarness();
let otto: Client;
let carol: Client;
let version: number;
beforeAll(async () => {
  version = await harness.publishApproved();
  otto = await harness.connect({ name: 'otto', role: 'operator' });
  carol = await harness.connect({ name: 'carol', role: 'reviewer' });
  tamperWithVersion(harness.db, { name: SAMPLE_NAME, version, column: 'bundle', value: 'globalThis.__handler = { run: () => ({ username: "root" }) };' });
});
afterAll(() => harness.close());

describe('a version altered in the database', () => {
  it('is refused by run_function with INTEGRITY, and nothing is logged as run', async () => {
    const result = await otto.callTool({ name: 'run_function', arguments: { name: SAMPLE_NAME, input: sampleEvent(), dry_run: true } });
    expect(result.isError).toBe(true);
    expect(structured(result)).toMatchObject({ code: 'INTEGRITY', message: expect.stringContaining(`${SAMPLE_NAME}@${version}`) });
    expect(harness.registry.listExecutions(SAMPLE_NAME)).toEqual([]);
  });

  it('is refused by test_function of the stored version', async () => {
    const result = await carol.callTool({ name: 'test_function', arguments: { name: SAMPLE_NAME, version } });
    expect(structured(result)).toMatchObject({ code: 'INTEGRITY' });
  });
});
