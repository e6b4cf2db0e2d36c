import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { authorFunction, createOfflineModel, loadTemplates, readTemplateParams } from '../../../agent/index.ts';
import { createRealToolchain } from '../../helpers/real-toolchain.ts';

const templates = loadTemplates(fileURLToPath(new URL('../../../templates', import.meta.url)));
const toolchain = createRealToolchain();
afterAll(() => toolchain.close());

async function author(requirement: string) {
  return authorFunction({ requirement, model: createOfflineModel({ templates }), toolchain, templates });
}

function paramsOf(source: string | undefined) {
  return readTemplateParams(source ?? '');
}

describe('offline author: username family', () => {
  const paraphrases = [
    'Usernames are the first initial plus the last name in lowercase; if taken add 1, 2, 3; keep it within 20 characters for AD',
    'hey! we need login names for new starters. first letter of the first name + surname, all lower case. if someone already has it, append a number starting at 1. max 20 chars (AD)',
    '- username = first initial + last name\n- lowercase\n- on a clash: add a number (1, 2, 3...)\n- never more than 20 characters\n- never reuse names of people who left',
  ];
  for (const [index, requirement] of paraphrases.entries()) {
    it(`paraphrase ${index + 1} gives {f}{last}, 20 characters, numbers from 1`, async () => {
      const result = await author(requirement);
      expect(result.reason).toMatch(/^The function passes its type-check and every fixture./);
      expect(result.ok).toBe(true);
      expect(paramsOf(result.draft.source)).toMatchObject({ pattern: '{f}{last}', case: 'lower', maxLength: 20, firstSuffix: 1, separator: '' });
      expect(result.draft.lastTest?.report?.failed).toBe(0);
    });
  }

  it('reads first.last, a two-digit suffix from 01, a contractor prefix and the preferred name', async () => {
    const result = await author('Username format is firstname.lastname, lowercase. If taken, add 01, 02 and so on. Contractors are prefixed with "x-". Use the preferred name when there is one. Limit it to 30 characters.');
    expect(result.ok).toBe(true);
    expect(paramsOf(result.draft.source)).toMatchObject({ pattern: '{first}.{last}', maxLength: 30, firstSuffix: 1, suffixDigits: 2, contractorPrefix: 'x-', usePreferredName: true });
  });

  it('adds a middle-initial fallback before numbering', async () => {
    const result = await author('Usernames: first initial + last name. If taken, try with the middle initial first, then add a number. 20 character limit.');
    expect(result.ok).toBe(true);
    expect(paramsOf(result.draft.source)).toMatchObject({ pattern: '{f}{last}', fallbackPatterns: ['{f}{m}{last}'] });
  });

  it('infers the pattern from a worked example', async () => {
    const result = await author('Generate usernames like John Smith -> smithj. Add a number if taken.');
    expect(result.ok).toBe(true);
    expect(paramsOf(result.draft.source)).toMatchObject({ pattern: '{last}{f}' });
  });

  it('names the sentence it cannot handle and writes no function', async () => {
    const result = await author('Usernames are first initial plus last name in lowercase. Also post the new username to the #it-onboarding Slack channel.');
    expect(result.ok).toBe(false);
    expect(result.stop).toBe('gave-up');
    expect(result.reason).toContain('"Also post the new username to the #it-onboarding Slack channel"');
    expect(result.reason).toContain('ANTHROPIC_API_KEY');
    expect(result.draft.source).toBeUndefined();
  });

  it('refuses a requirement that matches no family', async () => {
    const result = await author('Order pizza for the team every Friday');
    expect(result.ok).toBe(false);
    expect(result.reason).toContain('did not recognise a rule family');
  });
});
