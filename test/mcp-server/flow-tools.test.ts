// Flows over MCP, through a real Client: an author publishes a flow naming published functions, the
// author (or the requester) cannot approve it, a second person can and it becomes active for its trigger;
// bad definitions and unknown names are tool errors; every publish and review is in the audit trail.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { createHarness, structured } from './harness.ts';

const harness = createHarness();
let author: Client;
let reviewer: Client;
let auditor: Client;
let functionName = '';
beforeAll(async () => {
  author = await harness.connect({ name: 'alice', role: 'author' });
  reviewer = await harness.connect({ name: 'rita', role: 'reviewer' });
  auditor = await harness.connect({ name: 'audrey', role: 'auditor' });
  await harness.publishApproved({ author: 'alice', reviewer: 'carol' });
  functionName = harness.registry.listFunctions()[0]?.name ?? '';
});
afterAll(() => harness.close());

const notContractors = { not: { path: 'person.employmentType', equals: 'contractor' } };
const onboarding = () => ({ name: 'onboarding', trigger: 'user.joined', steps: [{ function: functionName, condition: notContractors }] });

describe('flow tools', () => {
  it('publishes a flow pending review, refuses the author as reviewer, activates it on a second approval', async () => {
    const published = structured(await author.callTool({ name: 'publish_flow', arguments: { definition: onboarding(), requested_by: 'hr-lead' } }));
    expect(published.flow).toMatchObject({ name: 'onboarding', version: 1, status: 'pending_review', active: false, author: 'alice', requestedBy: 'hr-lead' });

    const byAuthor = await harness.connect({ name: 'alice', role: 'reviewer' });
    const refused = await byAuthor.callTool({ name: 'review_flow', arguments: { name: 'onboarding', version: 1, decision: 'approve' } });
    expect([refused.isError, structured(refused).code]).toEqual([true, 'FORBIDDEN']);
    const byRequester = await harness.connect({ name: 'HR-Lead', role: 'reviewer' });
    expect((await byRequester.callTool({ name: 'review_flow', arguments: { name: 'onboarding', version: 1, decision: 'approve' } })).isError).toBe(true);

    const approval = { name: 'onboarding', version: 1, decision: 'approve', comment: 'contractors skipped' };
    const approved = structured(await reviewer.callTool({ name: 'review_flow', arguments: approval }));
    expect(approved.flow).toMatchObject({ status: 'approved', active: true, reviewer: 'rita', reviewComment: 'contractors skipped' });
    const again = await reviewer.callTool({ name: 'review_flow', arguments: { name: 'onboarding', version: 1, decision: 'reject' } });
    expect([again.isError, structured(again).code]).toEqual([true, 'CONFLICT']);

    const listed = structured(await auditor.callTool({ name: 'list_flows', arguments: {} }));
    expect(listed.flows).toEqual([{ name: 'onboarding', trigger: 'user.joined', latestVersion: 1, latestStatus: 'approved', activeVersion: 1 }]);
    const shown = structured(await auditor.callTool({ name: 'get_flow', arguments: { name: 'onboarding' } }));
    expect(shown.flow.definition).toEqual(onboarding());

    const trail = harness.registry
      .listAudit()
      .filter((entry) => entry.action.startsWith('flow.'))
      .map(({ actor, action, allowed }) => `${actor} ${action} ${allowed}`);
    const expected = ['HR-Lead flow.review false', 'alice flow.publish true', 'alice flow.review false', 'rita flow.review false', 'rita flow.review true'];
    expect(trail.sort()).toEqual(expected.sort());
  });

  it('answers bad definitions, unpublished functions and unknown flows with precise errors, writing nothing', async () => {
    const typoed = { ...onboarding(), name: 'typo-flow', stpes: [] };
    const typo = await author.callTool({ name: 'publish_flow', arguments: { definition: typoed } });
    expect([typo.isError, structured(typo).code]).toEqual([true, 'INVALID_INPUT']);
    expect(structured(typo).message).toMatch(/stpes/);
    const ghost = { ...onboarding(), name: 'ghost-flow', steps: [{ function: 'never-published' }] };
    const unpublished = await author.callTool({ name: 'publish_flow', arguments: { definition: ghost } });
    expect([unpublished.isError, structured(unpublished).code]).toEqual([true, 'NOT_FOUND']);
    expect(structured(unpublished).message).toMatch(/never-published/);
    const unknown = await auditor.callTool({ name: 'get_flow', arguments: { name: 'nope' } });
    expect([unknown.isError, structured(unknown).code]).toEqual([true, 'NOT_FOUND']);
    expect(harness.deps.flows.listFlows().map((flow) => flow.name)).toEqual(['onboarding']);
  });

  it('lets only authors publish and only reviewers review', async () => {
    const denied = await auditor.callTool({ name: 'publish_flow', arguments: { definition: onboarding() } });
    expect([denied.isError, structured(denied).code]).toEqual([true, 'FORBIDDEN']);
    const review = { name: 'onboarding', version: 1, decision: 'approve' };
    const notReviewer = await author.callTool({ name: 'review_flow', arguments: review });
    expect([notReviewer.isError, structured(notReviewer).code]).toEqual([true, 'FORBIDDEN']);
  });
});
