// Every tool checks the caller's role, over any transport: the matrix below is the documented one
// (mcp-server/README.md). Each denial is an isError FORBIDDEN result and an audit record; four eyes holds
// for every role, admin included.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../core/tokens/index.ts';
import { createHarness, structured } from './harness.ts';
import { SAMPLE_NAME, sampleEvent, sampleFixtures, sampleSource } from './sample-function.ts';

const harness = createHarness();
beforeAll(async () => {
  await harness.publishApproved({ author: 'alice', reviewer: 'carol' });
});
afterAll(() => harness.close());

const ARGUMENTS: Record<string, Record<string, unknown>> = {
  list_functions: {},
  get_function: { name: SAMPLE_NAME },
  list_versions: { name: SAMPLE_NAME },
  diff_versions: { name: SAMPLE_NAME, from: 1, to: 1 },
  check_function: { source: sampleSource() },
  test_function: { name: SAMPLE_NAME, version: 1 },
  author_function: { requirement: 'Usernames are first initial plus last name, lowercase; add 1, 2, 3 when taken; 20 characters at most' },
  save_draft: { name: SAMPLE_NAME, source: sampleSource(), fixtures: sampleFixtures() },
  list_drafts: {},
  get_draft: { name: 'no-such-draft' },
  delete_draft: { name: 'no-such-draft' },
  publish_function: { source: sampleSource(), fixtures: sampleFixtures() },
  withdraw_version: { name: SAMPLE_NAME, version: 99 },
  review_function: { name: SAMPLE_NAME, version: 1, decision: 'approve' },
  activate_version: { name: SAMPLE_NAME, version: 1 },
  run_function: { name: SAMPLE_NAME, input: sampleEvent(), dry_run: true },
  list_executions: { name: SAMPLE_NAME },
  get_execution: { id: 1 },
  list_events: {},
  get_event: { id: 'no-such-event' },
  replay_event: { id: 'no-such-event' },
  resume_function: { name: 'no-such-function' },
  list_flows: {},
  get_flow: { name: 'no-such-flow' },
  publish_flow: { definition: { name: 'no-flow' } },
  review_flow: { name: 'no-such-flow', version: 1, decision: 'reject' },
};

const READ = ['list_functions', 'get_function', 'list_versions', 'diff_versions', 'list_flows', 'get_flow'];
const ALLOWED: Record<Role, string[]> = {
  auditor: [...READ, 'list_executions', 'get_execution', 'list_events', 'get_event'],
  author: [...READ, 'check_function', 'test_function', 'author_function', 'save_draft', 'list_drafts', 'get_draft', 'delete_draft', 'publish_function', 'withdraw_version', 'publish_flow'],
  reviewer: [...READ, 'check_function', 'test_function', 'review_function', 'activate_version', 'review_flow'],
  operator: [...READ, 'activate_version', 'run_function', 'list_executions', 'get_execution', 'list_events', 'get_event', 'replay_event', 'resume_function'],
  source: [],
  admin: Object.keys(ARGUMENTS),
};

describe('the role matrix', () => {
  for (const [role, allowed] of Object.entries(ALLOWED) as Array<[Role, string[]]>) {
    it(`${role}: may call ${allowed.length} tools and is refused the rest, each refusal audited`, async () => {
      const principal = `${role}-user`;
      const client = await harness.connect({ name: principal, role });
      for (const [tool, args] of Object.entries(ARGUMENTS)) {
        const result = await client.callTool({ name: tool, arguments: args });
        const code = result.isError ? structured(result).code : 'OK';
        if (allowed.includes(tool)) expect([tool, code]).not.toEqual([tool, 'FORBIDDEN']);
        else expect([tool, code, structured(result).message]).toEqual([tool, 'FORBIDDEN', expect.stringContaining(`${principal} (role ${role}) may not call ${tool}`)]);
      }
      const denials = harness.registry.listAudit({ actor: principal, allowed: false });
      expect(denials.map((entry) => entry.action).sort()).toEqual(Object.keys(ARGUMENTS).filter((tool) => !allowed.includes(tool)).sort());
      for (const denial of denials) expect(denial.detail).toMatchObject({ reason: 'role', role });
    }, 60_000);
  }
});

describe('four eyes', () => {
  it('an admin cannot approve a version they authored; the denial is audited', async () => {
    const ada = await harness.connect({ name: 'ada', role: 'admin' });
    const published = structured(await ada.callTool({ name: 'publish_function', arguments: { source: sampleSource({ suffixStart: 5 }), fixtures: sampleFixtures({ suffixStart: 5 }), requested_by: 'hr-bob' } }));
    const version = published.published.version;
    const result = await ada.callTool({ name: 'review_function', arguments: { name: SAMPLE_NAME, version, decision: 'approve' } });
    expect(result.isError).toBe(true);
    expect(structured(result)).toEqual({ code: 'FORBIDDEN', message: `ada cannot review ${SAMPLE_NAME}@${version}: they authored it, and a version must be reviewed by a second person` });
    expect(harness.registry.listAudit({ actor: 'ada', allowed: false })[0]).toMatchObject({ action: 'review_function', target: `${SAMPLE_NAME}@${version}`, detail: { reason: 'rule' } });

    const requester = await harness.connect({ name: 'hr-bob', role: 'reviewer' });
    expect(structured(await requester.callTool({ name: 'review_function', arguments: { name: SAMPLE_NAME, version, decision: 'approve' } }))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('requested it') });

    const reviewer = await harness.connect({ name: 'rita', role: 'reviewer' });
    expect(structured(await reviewer.callTool({ name: 'review_function', arguments: { name: SAMPLE_NAME, version, decision: 'approve' } }))).toMatchObject({ review: { reviewer: 'rita' } });
  });

  it('a request without any principal is refused', async () => {
    const anonymous = await harness.connectWith(harness.deps, undefined);
    const result = await anonymous.callTool({ name: 'list_functions', arguments: {} });
    expect(structured(result)).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('no principal') });
  });
});
