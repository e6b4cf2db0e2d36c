// Asking instead of giving up: the offline model's ask_admin call (the contract the chat and MCP side
// carry out), and the answer read back as a "Clarification:" sentence of the requirement.

import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { authorFunction, createOfflineModel, loadTemplates, readTemplateParams } from '../../../agent/index.ts';
import type { ModelRequest, ToolUseBlock } from '../../../agent/model/index.ts';
import { createRealToolchain } from '../../helpers/real-toolchain.ts';

const templates = loadTemplates(fileURLToPath(new URL('../../../templates', import.meta.url)));
const toolchain = createRealToolchain();
afterAll(() => toolchain.close());

/** ask_admin as the chat helper registers it: clause, question and choices. */
const ASK_WITH_CHOICES = {
  name: 'ask_admin',
  description: 'Ask the admin.',
  input_schema: { type: 'object', properties: { clause: {}, question: {}, choices: {} } },
};

async function firstCall(requirement: string): Promise<ToolUseBlock | undefined> {
  const request: ModelRequest = { system: [], messages: [{ role: 'user', content: requirement }], tools: [ASK_WITH_CHOICES], maxTokens: 1000 };
  const response = await createOfflineModel({ templates }).complete(request);
  return response.content.find((block): block is ToolUseBlock => block.type === 'tool_use');
}

const PREFIX = 'Usernames are first initial plus last name, lowercase. Contractors get a prefix.';
const TAP = [
  'Issue a Temporary Access Pass for new hires starting on Monday.',
  'POST https://graph.microsoft.com/v1.0/users/{upn}/authentication/temporaryAccessPassMethods, upn = event.account.userPrincipalName,',
  'bearer token from the secret GRAPH_TOKEN. 60 minutes, single use.',
  'Send it to their manager through the Slack webhook at https://hooks.slack.com/services/ + the secret SLACK_WEBHOOK_PATH.',
  'Return { tapIssued: true }.',
].join(' ');
const SLACK = 'Send it to their manager through the Slack webhook at https://hooks.slack.com/services/ + the secret SLACK_WEBHOOK_PATH.';
const EMAILED = TAP.replace(' starting on Monday', '').replace(SLACK, 'The pass is emailed to their manager.');
const MONDAY = 'Issue a Temporary Access Pass for new hires starting on Monday';
const AT_START = '"starting on Monday" means the pass is valid from 08:00 UTC on their start date.';
const BY_SLACK = '"emailed" means: send the pass to the manager through the Slack incoming webhook.';
const author = (requirement: string) => authorFunction({ requirement, model: createOfflineModel({ templates }), toolchain, templates });

describe('offline author: asking the admin', () => {
  it.each([
    ['a prefix without its value', PREFIX, 'Contractors get a prefix', 'c-', 'Contractors get the prefix c- on the username.'],
    ['a day that may be a condition or a start time', TAP, MONDAY, 'start', AT_START],
    ['a delivery channel the template may not use', EMAILED, 'The pass is emailed to their manager', 'slack', BY_SLACK],
  ])('%s: asks with choices, each a sentence that settles the clause', async (_name, requirement, clause, key, clarification) => {
    const call = await firstCall(requirement);
    expect(call?.name).toBe('ask_admin');
    const input = call?.input as { clause: string; question: string; choices: Array<{ key: string; label: string; clarification: string }> };
    expect(input.clause).toBe(clause);
    expect(input.choices.length).toBeGreaterThanOrEqual(2);
    expect(input.choices.length).toBeLessThanOrEqual(5);
    expect(input.choices.find((choice) => choice.key === key)?.clarification).toBe(clarification);
  });

  it.each([
    ['the prefix', PREFIX, 'Contractors get the prefix c- on the username.', { contractorPrefix: 'c-' }],
    // The pass's start is the startDateTime of the Graph request (step 1 of the two).
    ['the start time', TAP, AT_START, { steps: [{ body: { startDateTime: '<startDate>T08:00:00Z' } }, {}] }],
  ])('the answer to %s, appended as a Clarification line, is implemented', async (_name, requirement, clarification, params) => {
    const result = await author(`${requirement}\nClarification: ${clarification}`);
    expect(result.ok).toBe(true);
    expect(readTemplateParams(result.draft.source ?? '')).toMatchObject(params);
  });

  it('an answer that the template cannot do is refused, not dropped', async () => {
    const result = await author(`${EMAILED}\nClarification: Email the pass to the manager with SendGrid.`);
    expect(result.ok).toBe(false);
    expect(result.draft.source).toBeUndefined();
  });

  it('through the tool loop, the question ends the authoring with needs-answer and writes nothing', async () => {
    const result = await author(PREFIX);
    expect([result.ok, result.stop]).toEqual([false, 'needs-answer']);
    expect(result.question?.clause).toBe('Contractors get a prefix');
    expect(result.draft.source).toBeUndefined();
  });

  it('where ask_admin takes no choices (a client that cannot stop for an answer), it refuses and puts the question in the reason', async () => {
    const plainAsk = { ...ASK_WITH_CHOICES, input_schema: { type: 'object', properties: { question: {} } } };
    const request: ModelRequest = { system: [], messages: [{ role: 'user', content: PREFIX }], tools: [plainAsk], maxTokens: 1000 };
    const response = await createOfflineModel({ templates }).complete(request);
    const call = response.content.find((block): block is ToolUseBlock => block.type === 'tool_use');
    expect(call?.name).toBe('give_up');
    expect(JSON.stringify(call?.input)).toContain('Contractors: which prefix goes in front of the username? [c-] c- (c-jsmith)');
  });
});
