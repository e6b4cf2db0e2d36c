// The notify rule kind: a message to a Slack channel, or an email to the manager through SendGrid or
// Microsoft Graph, generated from the rule read out of the requirement.

import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { authorFunction, createOfflineModel, loadTemplates, readTemplateParams } from '../../../agent/index.ts';
import { splitClauses } from '../../../agent/offline/clauses.ts';
import { createRealToolchain } from '../../helpers/real-toolchain.ts';

const templates = loadTemplates(fileURLToPath(new URL('../../../templates', import.meta.url)));
const toolchain = createRealToolchain();
afterAll(() => toolchain.close());

const author = (requirement: string) => authorFunction({ requirement, model: createOfflineModel({ templates }), toolchain, templates });
const fixturesOf = (text: string | undefined) => JSON.parse(text ?? '[]') as Array<{ name: string; expect: { calls?: Array<{ body?: unknown }> } }>;

const SLACK = [
  'Announce every new joiner in #welcome on Slack through the incoming webhook https://hooks.slack.com/services/ + the path in the secret SLACK_WELCOME_PATH.',
  'Body { text } with exactly "<firstName> <lastName> starts in <department> on <startDate>", e.g. "Li Wei starts in Sales on 2027-02-01".',
  "Don't post contractors (return { announced: false }). Slack says 200; anything else is an error with the status. Return { announced: true }.",
].join(' ');

const SENDGRID = [
  'Send a notice emailed to their manager with SendGrid: POST https://api.sendgrid.com/v3/mail/send, bearer token from the secret MAIL_KEY,',
  'from hr@acme.com, subject "Welcome <name>". Text: "<name> starts on <startDate>; say hello!".',
  'No manager on file → send it to hr@acme.com instead. SendGrid answers 202. Return { notified: <the address it went to> }.',
].join(' ');

describe('offline author: notify kind', () => {
  it('a Slack announcement: text as written, the example a literal fixture, contractors skipped', async () => {
    const result = await author(SLACK);
    expect(result.ok).toBe(true);
    expect(readTemplateParams(result.draft.source ?? '')).toMatchObject({
      channel: 'slack',
      secret: 'SLACK_WELCOME_PATH',
      text: '<firstName> <lastName> starts in <department> on <startDate>',
      skipTypes: ['contractor'],
      skipOutput: { announced: false },
      output: { announced: true },
      successStatus: 200,
    });
    const example = fixturesOf(result.draft.fixturesText).find((fixture) => fixture.name.startsWith('example 1'));
    expect(example?.expect.calls?.[0]?.body).toEqual({ text: 'Li Wei starts in Sales on 2027-02-01' });
  });

  it('a SendGrid email to the manager with a fallback address; a ";" inside the quoted text does not end the clause', async () => {
    const result = await author(SENDGRID);
    expect(result.ok).toBe(true);
    expect(readTemplateParams(result.draft.source ?? '')).toMatchObject({
      channel: 'sendgrid',
      from: 'hr@acme.com',
      text: '<name> starts on <startDate>; say hello!',
      fallbackRecipient: 'hr@acme.com',
      successStatus: 202,
      output: { notified: '<recipient>' },
    });
    expect(splitClauses('Text: "a; b". Next').map((clause) => clause.text)).toEqual(['Text: "a; b"', 'Next']);
  });

  it('no made-up wording: a notice without its text is refused', async () => {
    const result = await author(SENDGRID.replace(' Text: "<name> starts on <startDate>; say hello!".', ''));
    expect(result.ok).toBe(false);
    expect(result.reason).toContain('the message text was not given');
  });
});
