import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { authorFunction, createOfflineModel, loadTemplates, readTemplateParams, RECOGNIZERS } from '../../../agent/index.ts';
import { leaverRevokeRecognizer } from '../../../agent/offline/families/leaver-revoke/leaver-revoke.ts';
import { LEAVER_REVOKE_READING_DEFAULTS } from '../../../agent/offline/families/leaver-revoke/leaver-revoke-action.ts';
import type { HttpActionRule } from '../../../agent/offline/kinds/http-action/http-action-rule.ts';
import { createRealToolchain } from '../../helpers/real-toolchain.ts';

const templates = loadTemplates(fileURLToPath(new URL('../../../templates', import.meta.url)));
const toolchain = createRealToolchain();
afterAll(() => toolchain.close());

async function author(requirement: string) {
  const recognizers = [...RECOGNIZERS.filter((recognizer) => recognizer.family !== 'leaver-revoke'), leaverRevokeRecognizer];
  return authorFunction({ requirement, model: createOfflineModel({ templates, recognizers }), toolchain, templates });
}

/** The template's parameters as the generated rule carries them: its wait, its steps, its 404 and its bearer secret. */
function paramsOf(source: string | undefined) {
  const rule = readTemplateParams(source ?? '') as unknown as HttpActionRule;
  const [disable, revoke] = rule.steps;
  const auth = disable?.auth;
  return {
    deferUntilLastDay: rule.wait !== undefined,
    daysAfterLastDay: rule.wait?.days ?? 0,
    revokeSessions: revoke?.url === `${disable?.url}/revokeSignInSessions`,
    missingUser: disable?.onStatus?.find((answer) => answer.status === 404 && 'error' in answer) ? 'error' : 'skip',
    tokenSecret: auth?.scheme === 'bearer' ? auth.secret : undefined,
  };
}

const ON_LAST_DAY = { deferUntilLastDay: true, daysAfterLastDay: 0, revokeSessions: true, missingUser: 'error', tokenSecret: 'GRAPH_TOKEN' };

describe('offline author: leaver-revoke family', () => {
  it("the reading starts from the leaver-revoke template's parameters", () => {
    const template = templates.find((entry) => entry.family === 'leaver-revoke');
    expect(readTemplateParams(template?.source ?? '')).toEqual(LEAVER_REVOKE_READING_DEFAULTS);
  });

  const paraphrases = [
    'Leavers: disable the Entra account and revoke sign-in sessions on their last day.',
    'Hi there! When an employee leaves we want their Microsoft account blocked. Please disable the account in Entra ID and sign them out everywhere, but not before their last day. Thanks so much!',
    'Leaver rule:\n- disable the Entra account\n- revoke all sign-in sessions\n- wait until their last day',
    'when somone leaves, disabel there account and revoke sesions on there last day',
  ];
  for (const [index, requirement] of paraphrases.entries()) {
    it(`paraphrase ${index + 1}: disable and revoke on the last day`, async () => {
      const result = await author(requirement);
      expect(result.reason).toMatch(/^The function passes its type-check and every fixture./);
      expect(result.ok).toBe(true);
      expect(paramsOf(result.draft.source)).toMatchObject(ON_LAST_DAY);
      expect(result.draft.lastTest?.report?.failed).toBe(0);
      expect(result.draft.lastTest?.report?.passed).toBeGreaterThanOrEqual(8);
      expect(result.draft.spec).toMatchObject({ trigger: 'user.left', egress: ['graph.microsoft.com'], secrets: ['GRAPH_TOKEN'] });
    });
  }

  it('revokes at once when asked to, and when the requirement does not say when', async () => {
    const stated = await author('When someone leaves, disable their Entra account and revoke all sessions immediately, whatever their last day says.');
    expect(stated.ok).toBe(true);
    expect(paramsOf(stated.draft.source)).toMatchObject({ deferUntilLastDay: false, daysAfterLastDay: 0 });
    const unstated = await author('Offboarding: block sign-in for the leaver in Azure AD and kill their sessions.');
    expect(unstated.ok).toBe(true);
    expect(paramsOf(unstated.draft.source)).toMatchObject({ deferUntilLastDay: false });
    expect(unstated.draft.spec?.assumptions.join(' ')).toMatch(/does not say when/);
  });

  it('reads days after the last day, sessions left alone, a missing user skipped and a named secret', async () => {
    const result = await author('On termination, disable the account 3 days after their last day. Don\'t revoke sessions. If the user no longer exists, just log a warning. The Graph token is stored in the secret ENTRA_GRAPH_TOKEN.');
    expect(result.ok).toBe(true);
    expect(paramsOf(result.draft.source)).toMatchObject({ deferUntilLastDay: true, daysAfterLastDay: 3, revokeSessions: false, missingUser: 'skip', tokenSecret: 'ENTRA_GRAPH_TOKEN' });
    expect(result.draft.spec?.secrets).toEqual(['ENTRA_GRAPH_TOKEN']);
  });

  it('reads "the PATCH says 404 … return { notFound: true }", a secret named against another, and access kept until a later day', async () => {
    const calls = 'Disable the Entra account, then revoke the sessions; the token is in the secret OFFBOARD_TOKEN (bearer), not GRAPH_TOKEN.';
    const keep = 'HR wants access kept until the day after their last day: if the event arrives earlier than that day, change nothing.';
    const gone = 'If the PATCH says 404 the account is already gone: log a warning and return { notFound: true } without revoking. Other failures → error.';
    const result = await author(`When someone leaves: ${calls} ${keep} ${gone}`);
    expect(result.ok).toBe(true);
    expect(paramsOf(result.draft.source)).toMatchObject({ deferUntilLastDay: true, daysAfterLastDay: 1, missingUser: 'skip', tokenSecret: 'OFFBOARD_TOKEN' });
  });

  it('reads "at the end of their last day" as the day after, and says so', async () => {
    const result = await author('Offboarding: disable the user at the end of their last day and revoke their refresh tokens.');
    expect(result.ok).toBe(true);
    expect(paramsOf(result.draft.source)).toMatchObject({ deferUntilLastDay: true, daysAfterLastDay: 1 });
    expect(result.draft.spec?.assumptions.join(' ')).toMatch(/day after the last day/);
  });

  it('reads a technical requirement that spells out the Graph calls, the failures and the output', async () => {
    const result = await author('When someone leaves: disable their Entra account, then revoke their sign-in sessions, through Microsoft Graph with a bearer token from the secret GRAPH_TOKEN.\n1) PATCH https://graph.microsoft.com/v1.0/users/{userPrincipalName} with {"accountEnabled": false}\n2) POST https://graph.microsoft.com/v1.0/users/{userPrincipalName}/revokeSignInSessions\nThe UPN is event.account.userPrincipalName. No UPN → error, touch nothing. If the disable fails, don\'t revoke: throw with the status code. Return { disabled: true, sessionsRevoked: true }.');
    expect(result.ok).toBe(true);
    expect(paramsOf(result.draft.source)).toMatchObject({ deferUntilLastDay: false, revokeSessions: true, tokenSecret: 'GRAPH_TOKEN' });
  });

  it('gives up on a call, a body or an output the template does not make', async () => {
    const webhook = await author('When someone leaves, disable their Entra account, then POST https://hooks.slack.com/services/T0/B0/x with a note.');
    expect(webhook.ok).toBe(false);
    expect(webhook.reason).toContain('the leaver-revoke template calls only PATCH https://graph.microsoft.com/v1.0/users/{upn}');
    const output = await author('Disable leavers in Entra immediately and revoke their sessions. Return { disabled: true, notified: true }.');
    expect(output.ok).toBe(false);
    expect(output.reason).toContain('notified: true');
  });

  it('names the sentence it cannot handle and writes no function', async () => {
    const result = await author('When someone leaves, disable their account and revoke sessions. Also remove their licenses and convert the mailbox to shared.');
    expect(result.ok).toBe(false);
    expect(result.stop).toBe('gave-up');
    expect(result.reason).toContain('"Also remove their licenses and convert the mailbox to shared"');
    expect(result.draft.source).toBeUndefined();
  });

  it('names a sentence that belongs to no rule', async () => {
    const result = await author('When someone leaves, disable their Entra account immediately. Collect their badge at reception too.');
    expect(result.ok).toBe(false);
    expect(result.reason).toContain('"Collect their badge at reception too"');
  });

  it('gives up on impossible timing: a clock time that does not exist, a wait of years, and acting before the last day', async () => {
    const clock = await author('When someone leaves, disable their account at 25:00 on their last day.');
    expect(clock.ok).toBe(false);
    expect(clock.stop).toBe('gave-up');
    expect(clock.reason).toContain('"at 25:00" is not a time of day');
    const years = await author('Disable leavers 800 days after their last day.');
    expect(years.ok).toBe(false);
    expect(years.reason).toContain('800 days after the last day is more than a year');
    const before = await author('Disable leavers 2 days before their last day.');
    expect(before.ok).toBe(false);
    expect(before.reason).toContain('cannot act before it');
  });

  it('gives up on two timings at once and on a UPN guessed from the email', async () => {
    const both = await author('Disable leavers immediately. Revoke their sessions on their last day.');
    expect(both.ok).toBe(false);
    expect(both.reason).toContain('one function revokes at one time');
    const guess = await author('Disable leavers in Entra immediately. If the UPN is missing, use their email instead.');
    expect(guess.ok).toBe(false);
    expect(guess.reason).toContain('never guesses a UPN');
  });
});
