// run_function reads the version's head once: the tool checks it for errors that name its tools, and the
// record it resolved is the one the run executes (the pipeline used to read the head twice more).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { createHarness, structured } from './harness.ts';
import { SAMPLE_NAME, sampleEvent } from './sample-function.ts';

const harness = createHarness();
let otto: Client;
let version: number;
let headReads: string[];
beforeAll(async () => {
  version = await harness.publishApproved();
  otto = await harness.connect({ name: 'otto', role: 'operator' });
  const getVersionHead = harness.registry.getVersionHead.bind(harness.registry);
  harness.registry.getVersionHead = (name, which) => {
    headReads.push(`${name}@${which}`);
    return getVersionHead(name, which);
  };
});
afterAll(() => harness.close());

describe('run_function', () => {
  it('reads the head of the active version once and runs that version', async () => {
    headReads = [];
    const result = await otto.callTool({ name: 'run_function', arguments: { name: SAMPLE_NAME, input: sampleEvent(), dry_run: true } });
    expect(result.isError).toBeFalsy();
    expect(structured(result)).toMatchObject({ execution: { name: SAMPLE_NAME, version } });
    expect(headReads).toEqual([`${SAMPLE_NAME}@active`]);
  });

  it('reads a named version once too', async () => {
    headReads = [];
    const result = await otto.callTool({ name: 'run_function', arguments: { name: SAMPLE_NAME, input: sampleEvent(), version, dry_run: true } });
    expect(result.isError).toBeFalsy();
    expect(headReads).toEqual([`${SAMPLE_NAME}@${version}`]);
  });
});
