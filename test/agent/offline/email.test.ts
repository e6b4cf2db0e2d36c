import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { authorFunction, createOfflineModel, loadTemplates, readTemplateParams, RECOGNIZERS } from '../../../agent/index.ts';
import { emailRecognizer } from '../../../agent/offline/families/email/email.ts';
import { EMAIL_READING_DEFAULTS } from '../../../agent/offline/families/email/email-identifier.ts';
import { createRealToolchain } from '../../helpers/real-toolchain.ts';

const templates = loadTemplates(fileURLToPath(new URL('../../../templates', import.meta.url)));
const toolchain = createRealToolchain();
afterAll(() => toolchain.close());

async function author(requirement: string) {
  return authorFunction({ requirement, model: createOfflineModel({ templates, recognizers: [...RECOGNIZERS, emailRecognizer] }), toolchain, templates });
}

/** The identifier rule the function was generated from: the layout with its separator written in, the
 *  clash number's separator as `separator`, the local-part limit as `maxLength`. */
function paramsOf(source: string | undefined) {
  return readTemplateParams(source ?? '');
}

const FIRST_DOT_LAST = { output: 'email', domain: 'acme.com', pattern: '{first}.{last}', separator: '', firstSuffix: 2, maxLength: 64, contractorPrefix: '', contractorDomain: '', usePreferredName: false };

describe('offline author: email family', () => {
  it("the reading starts from the email template's parameters", () => {
    const template = templates.find((entry) => entry.family === 'email');
    expect(readTemplateParams(template?.source ?? '')).toEqual(EMAIL_READING_DEFAULTS);
  });

  const paraphrases = [
    'Work emails are first.last@acme.com, lowercase. If taken, add a number starting at 2.',
    "Hi team! Could you set up email addresses for new joiners? We use firstname.lastname at acme.com, all lower case. If the address already exists, append a number (john.smith2@acme.com). Thanks!",
    '- email: first name, a dot, then last name\n- domain acme.com\n- lower case, accents removed\n- on a clash: john.smith2, john.smith3, ...',
    'emials should be frist.last@acme.com; if somone already has it add 2, 3 and so on',
  ];
  for (const [index, requirement] of paraphrases.entries()) {
    it(`paraphrase ${index + 1} gives first.last@acme.com, numbered from 2`, async () => {
      const result = await author(requirement);
      expect(result.reason).toMatch(/^The function passes its type-check and every fixture./);
      expect(result.ok).toBe(true);
      expect(paramsOf(result.draft.source)).toMatchObject(FIRST_DOT_LAST);
      expect(result.draft.lastTest?.report?.failed).toBe(0);
    });
  }

  it('reads f.last, a dotted clash number from 1, a contractor prefix, the preferred name and a 30-character local part', async () => {
    const result = await author('- email = first initial + last name @acme.io\n- on a clash add .1, .2 ...\n- contractors get ext. in front\n- use the preferred name when there is one\n- max 30 characters before the @');
    expect(result.reason).toMatch(/^The function passes its type-check and every fixture./);
    expect(paramsOf(result.draft.source)).toMatchObject({ domain: 'acme.io', pattern: '{f}{last}', firstSuffix: 1, separator: '.', contractorPrefix: 'ext.', usePreferredName: true, maxLength: 30 });
  });

  it('reads an underscore layout, a contractor subdomain, a middle-initial fallback, hyphens dropped and German umlauts', async () => {
    const result = await author(
      'Emails are firstname_lastname@globex.org. If the address is taken, try the middle initial first (john_q_smith@globex.org), then add a number. Contractors use the ext subdomain. Remove hyphens. Convert German umlauts to ae, oe, ue.',
    );
    expect(result.reason).toMatch(/^The function passes its type-check and every fixture./);
    expect(paramsOf(result.draft.source)).toMatchObject({
      domain: 'globex.org', pattern: '{first}_{last}', fallbackPatterns: ['{first}_{m}_{last}'],
      contractorDomain: 'ext.globex.org', contractorPrefix: '', keepHyphens: false, transliterations: { ä: 'ae', ö: 'oe', ü: 'ue' },
    });
  });

  it('reads a contractor domain after "the same format but on"', async () => {
    const contractors = 'Contractors get the same format but on @partners.acme.io.';
    const result = await author(`Work email is firstname.lastname@acme.io, lowercase. ${contractors} If taken, add a number from 2.`);
    expect(result.ok).toBe(true);
    expect(paramsOf(result.draft.source)).toMatchObject({ domain: 'acme.io', contractorDomain: 'partners.acme.io' });
  });

  it('reads a quoted "." between name parts, own umlauts in a numbered address, a ruled-out spelling, "Already taken →"', async () => {
    const umlauts = 'Umlauts: ä → ae, ö → oe, ü → ue (Jörg Müller → j.mueller@acme.de, NOT j.muller).';
    const taken = 'Already taken → j.mueller2@acme.de, j.mueller3@acme.de.';
    const result = await author(`Work email: first initial + "." + last name @acme.de, lowercase. ${umlauts} ${taken}`);
    expect(result.ok).toBe(true);
    expect(paramsOf(result.draft.source)).toMatchObject({ domain: 'acme.de', transliterations: { ä: 'ae', ö: 'oe', ü: 'ue' }, firstSuffix: 2 });
    expect(result.draft.fixturesText).toContain('j.mueller@acme.de');
  });

  it('decodes a numbered address with a kept hyphen, and reads "belonged to someone who left"', async () => {
    const clash = 'If the address belonged to someone who left, add a number right after the last name starting at 2: eva.lund-berg2@acme.io.';
    const result = await author(`Email is firstname.lastname@acme.io, lowercase. Keep the hyphen in surnames (eva.lund-berg@acme.io). ${clash}`);
    expect(result.ok).toBe(true);
    expect(paramsOf(result.draft.source)).toMatchObject({ keepHyphens: true, firstSuffix: 2, separator: '' });
  });

  it('learns the layout and the clash style from written-out addresses and checks the examples', async () => {
    const result = await author('Create emails like John Smith -> jsmith@initech.com and Zoë Müller -> zmuller@initech.com. When taken: jsmith.02@initech.com.');
    expect(result.reason).toMatch(/^The function passes its type-check and every fixture./);
    expect(paramsOf(result.draft.source)).toMatchObject({ domain: 'initech.com', pattern: '{f}{last}', separator: '.', firstSuffix: 2, suffixDigits: 2 });
    const fixtures = JSON.parse(result.draft.fixturesText ?? '[]') as Array<{ name: string; expect: { output?: { email?: string } } }>;
    expect(fixtures.find((fixture) => fixture.name.includes('Zoë Müller'))?.expect.output?.email).toBe('zmuller@initech.com');
  });

  it('learns letter spellings from the examples', async () => {
    const result = await author('Emails are first.last@acme.com, e.g. Jürgen Müller -> juergen.mueller@acme.com and Søren Ødegård -> soren.odegard@acme.com');
    expect(result.reason).toMatch(/^The function passes its type-check and every fixture./);
    expect(paramsOf(result.draft.source)).toMatchObject({ transliterations: { ä: 'ae', ö: 'oe', ü: 'ue', ø: 'o' } });
  });

  it('names the sentence it cannot handle and writes no function', async () => {
    const result = await author('Work emails are first.last@acme.com. Also post the new address to the #it-onboarding Slack channel.');
    expect(result.ok).toBe(false);
    expect(result.stop).toBe('gave-up');
    expect(result.reason).toContain('"Also post the new address to the #it-onboarding Slack channel"');
    expect(result.draft.source).toBeUndefined();
  });

  it('gives up on a local part longer than mail systems allow', async () => {
    const result = await author('Emails are first.last@acme.com with up to 80 characters before the @.');
    expect(result.ok).toBe(false);
    expect(result.stop).toBe('gave-up');
    expect(result.reason).toContain('80 characters is longer than mail systems allow');
  });

  it('gives up on an example that contradicts the stated layout', async () => {
    const result = await author('Emails are first.last@acme.com, e.g. John Smith -> jsmith@acme.com');
    expect(result.ok).toBe(false);
    expect(result.reason).toContain('John Smith → jsmith@acme.com does not follow the rule');
  });

  describe('sentences that restate what the template does, and sentences about other jobs', () => {
    it('reads a hyphen kept with an example address, a two-word first name in an example and "keep it if it belongs to the same employee"', async () => {
      const result = await author('Addresses: firstname.lastname@globex.com, lowercase. Hyphenated surnames keep the hyphen (anna.lopez-garcia@globex.com). Spaces are dropped (Anna Maria Rossi → annamaria.rossi@globex.com). If the address already belongs to the same employee, keep it.');
      expect(result.reason).toMatch(/^The function passes its type-check and every fixture./);
      expect(paramsOf(result.draft.source)).toMatchObject({ domain: 'globex.com', pattern: '{first}.{last}', keepHyphens: true });
      const fixtures = JSON.parse(result.draft.fixturesText ?? '[]') as Array<{ name: string; expect: { output?: { email?: string } } }>;
      expect(fixtures.find((fixture) => fixture.name.includes('Anna Lopez-Garcia'))?.expect.output?.email).toBe('anna.lopez-garcia@globex.com');
      expect(fixtures.find((fixture) => fixture.name.includes('Anna Maria Rossi'))?.expect.output?.email).toBe('annamaria.rossi@globex.com');
    });

    it('reads "given name, middle initial, surname, joined with underscores" and a case without a middle name', async () => {
      const result = await author('Format: given name, middle initial, surname, joined with underscores @initech.io. No middle name → jane_doe@initech.io.');
      expect(result.reason).toMatch(/^The function passes its type-check and every fixture./);
      expect(paramsOf(result.draft.source)).toMatchObject({ domain: 'initech.io', pattern: '{first}_{m}_{last}' });
    });

    it('reads a limit with "prefix and clash number included" and "throw an error" for names with no Latin letters', async () => {
      const result = await author("Emails are f.last@acme.net; contractors start with x- . Max 40 characters before the @, prefix and clash number included. If someone's name has no Latin letters, throw an error instead of guessing.");
      expect(result.reason).toMatch(/^The function passes its type-check and every fixture./);
      expect(paramsOf(result.draft.source)).toMatchObject({ domain: 'acme.net', pattern: '{f}.{last}', maxLength: 40, contractorPrefix: 'x-' });
    });

    it('reads a domain "for employees and interns" next to the contractors\' own domain', async () => {
      const result = await author('first.last@umbrella.org for employees and interns; contractors use first.last@partners.umbrella.org');
      expect(result.reason).toMatch(/^The function passes its type-check and every fixture./);
      expect(paramsOf(result.draft.source)).toMatchObject({ domain: 'umbrella.org', contractorDomain: 'partners.umbrella.org', contractorPrefix: '' });
    });

    it('names back what the template does not do for names with no Latin letters or for the same person', async () => {
      const latin = await author('Emails are first.last@acme.net. If a name has no latin letters, use the employee ID rather than failing.');
      expect(latin.stop).toBe('gave-up');
      expect(latin.reason).toContain('"If a name has no latin letters, use the employee ID rather than failing"');
      const same = await author('Emails are first.last@acme.net. If it already belongs to the same person, give them a new one.');
      expect(same.stop).toBe('gave-up');
      expect(same.reason).toContain('"If it already belongs to the same person, give them a new one"');
    });

    it('read alone, does not claim a sentence about disabling leavers', async () => {
      const model = createOfflineModel({ templates, recognizers: [emailRecognizer] });
      const result = await authorFunction({ requirement: 'Disable leavers in Entra immediately. If the UPN is missing, use their email instead.', model, toolchain, templates });
      expect(result.ok).toBe(false);
      expect(result.stop).toBe('gave-up');
      expect(result.reason).toContain('"Disable leavers in Entra immediately"');
    });
  });
});
