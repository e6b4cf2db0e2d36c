import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { authorFunction, createOfflineModel, loadTemplates, readTemplateParams, RECOGNIZERS } from '../../../agent/index.ts';
import { approvalsRecognizer } from '../../../agent/offline/families/approvals/approvals.ts';
import type { MappingRule } from '../../../agent/offline/kinds/mapping/mapping-rule.ts';
import { createRealToolchain } from '../../helpers/real-toolchain.ts';

const templates = loadTemplates(fileURLToPath(new URL('../../../templates', import.meta.url)));
const toolchain = createRealToolchain();
afterAll(() => toolchain.close());

async function author(requirement: string) {
  const recognizers = [...RECOGNIZERS.filter((recognizer) => recognizer.family !== 'approvals'), approvalsRecognizer];
  return authorFunction({ requirement, model: createOfflineModel({ templates, recognizers }), toolchain, templates });
}

/** The generated function's mapping rule, in the approvals template's terms (what the reading read). */
function paramsOf(source: string | undefined) {
  const rule = readTemplateParams(source ?? '') as unknown as MappingRule;
  const output = { field: 'approvers', selected: 'chain', steps: { field: 'steps', item: 'approver' } };
  expect(rule).toMatchObject({ item: 'approver', select: 'first', order: 'as-listed', output });
  const grants = (field: 'department' | 'employmentType') =>
    Object.fromEntries(rule.grants.filter((grant) => grant.when[field] !== undefined).map((grant) => [grant.name, grant.items]));
  return {
    trigger: rule.trigger,
    chains: grants('department'),
    defaultChain: rule.grants.find((grant) => Object.keys(grant.when).length === 0)?.items ?? [],
    employmentTypeChains: grants('employmentType'),
    employmentTypeExtraSteps: Object.fromEntries((rule.additions ?? []).map((addition) => [addition.when.employmentType, addition.items])),
    missingManager: rule.resolve?.missing,
    fallbackApprover: rule.resolve?.fallback,
  };
}

const TYPICAL = {
  chains: { Finance: ['manager', 'fd@acme.com'] },
  defaultChain: ['manager', 'it-approvals@acme.com'],
  employmentTypeChains: {},
  employmentTypeExtraSteps: {},
  missingManager: 'fallback',
  fallbackApprover: 'hr@acme.com',
};

describe('offline author: approvals family', () => {
  const paraphrases = [
    'Finance joiners need their manager and then the finance director (fd@acme.com). Everyone else: manager then IT (it-approvals@acme.com). No manager: use hr@acme.com.',
    'Hi team! Could you set up approval routing for new joiners please? For Finance, approvals go to the manager and then to fd@acme.com. Everybody else goes to their manager, then IT (it-approvals@acme.com). If there is no manager, hr@acme.com approves instead. Thanks!',
    '- Finance: manager -> finance director (fd@acme.com)\n- all other departments: manager -> IT (it-approvals@acme.com)\n- No manager? Use hr@acme.com',
    'Finanace joiners need aproval from thier manger and then fd@acme.com; everyone else needs the manger then it-approvals@acme.com. If the manger is missing, fall back to HR (hr@acme.com).',
    'Route joiner approvals by department. If the department is Finance, route to their manager then fd@acme.com. Otherwise route to manager, then it-approvals@acme.com. Use hr@acme.com if the manager is missing.',
  ];
  for (const [index, requirement] of paraphrases.entries()) {
    it(`paraphrase ${index + 1}: Finance → manager, fd; others → manager, IT; no manager → HR`, async () => {
      const result = await author(requirement);
      expect(result.reason).toMatch(/^The function passes its type-check and every fixture./);
      expect(result.ok).toBe(true);
      expect(paramsOf(result.draft.source)).toMatchObject(TYPICAL);
      expect(result.draft.lastTest?.report?.failed).toBe(0);
      expect(result.draft.lastTest?.report?.passed).toBeGreaterThanOrEqual(8);
    });
  }

  it('reads several departments, an "everyone" base with "also", worker types, a skipped manager and a manual trigger', async () => {
    const result = await author(
      'Everyone needs their manager\'s approval. Finance and Legal also need the CFO (cfo@acme.com). Engineering needs their manager and then the CTO (cto@acme.com). Contractors also need vendor management (vendors@acme.com). Interns are approved by their manager and then early-careers@acme.com. If a joiner has no manager, skip that step. Approvals are triggered manually.',
    );
    expect(result.ok).toBe(true);
    expect(paramsOf(result.draft.source)).toMatchObject({
      trigger: 'manual',
      chains: { Finance: ['manager', 'cfo@acme.com'], Legal: ['manager', 'cfo@acme.com'], Engineering: ['manager', 'cto@acme.com'] },
      defaultChain: ['manager'],
      employmentTypeChains: { intern: ['manager', 'early-careers@acme.com'] },
      employmentTypeExtraSteps: { contractor: ['vendors@acme.com'] },
      missingManager: 'skip',
    });
    expect(result.draft.spec?.trigger).toBe('manual');
  });

  it('makes a missing manager an error when asked, and when the requirement says nothing about it', async () => {
    const stated = await author('Approval chain for Sales is manager → sales-ops@acme.com → cro@acme.com. Default chain: manager. A missing manager is an error.');
    expect(stated.ok).toBe(true);
    expect(paramsOf(stated.draft.source)).toMatchObject({ chains: { Sales: ['manager', 'sales-ops@acme.com', 'cro@acme.com'] }, defaultChain: ['manager'], missingManager: 'error', fallbackApprover: '' });
    const unstated = await author('Finance joiners must be approved by their line manager and then by fd@acme.com.');
    expect(unstated.ok).toBe(true);
    expect(paramsOf(unstated.draft.source)).toMatchObject({ chains: { Finance: ['manager', 'fd@acme.com'] }, defaultChain: [], missingManager: 'error' });
    expect(unstated.draft.spec?.assumptions.join(' ')).toMatch(/without a manager is an error/);
  });

  it('turns a worked example into a fixture', async () => {
    const result = await author('Finance joiners need their manager and then fd@acme.com; everyone else just their manager. For example, a Finance joiner managed by Ann@acme.com → ann@acme.com, fd@acme.com.');
    expect(result.ok).toBe(true);
    expect(JSON.parse(result.draft.fixturesText ?? '[]')[0]).toMatchObject({ input: { person: { department: 'Finance', managerEmail: 'ann@acme.com' } }, expect: { output: { approvers: ['ann@acme.com', 'fd@acme.com'] } } });
  });

  it('gives up on an example that contradicts the chains', async () => {
    const result = await author('Finance joiners need their manager and then fd@acme.com. E.g. a Finance joiner managed by ann@acme.com → fd@acme.com, ann@acme.com.');
    expect(result.ok).toBe(false);
    expect(result.stop).toBe('gave-up');
    expect(result.reason).toContain('does not follow the chains as understood');
  });

  it('names the sentence it cannot handle and writes no function', async () => {
    const result = await author('Finance joiners need their manager and then fd@acme.com. Remind approvers on Slack if they have not answered.');
    expect(result.ok).toBe(false);
    expect(result.stop).toBe('gave-up');
    expect(result.reason).toContain('"Remind approvers on Slack if they have not answered"');
    expect(result.draft.source).toBeUndefined();
  });

  it('names a sentence that belongs to no rule', async () => {
    const result = await author('Finance joiners need their manager and then fd@acme.com. Also order them a standing desk.');
    expect(result.ok).toBe(false);
    expect(result.reason).toContain('"Also order them a standing desk"');
  });

  it('gives up on an approver with no address instead of inventing one', async () => {
    const result = await author('Finance joiners need their manager and then the finance director.');
    expect(result.ok).toBe(false);
    expect(result.stop).toBe('gave-up');
    expect(result.reason).toContain('"the finance director" has no email address');
  });

  it('reads a technical requirement: a heading before the chains, a left-out verb, "asked once" and the output shape', async () => {
    const result = await author('Route joiner approvals: Legal joiners need their manager and then general-counsel@initech.com; Sales joiners their manager and then sales-ops@initech.com; anyone else just their manager. If the joiner has no manager email, fail with an error: don\'t route around it. Nobody approves twice. Return { approvers } (lowercase emails, in order).');
    expect(result.ok).toBe(true);
    expect(paramsOf(result.draft.source)).toMatchObject({
      chains: { Legal: ['manager', 'general-counsel@initech.com'], Sales: ['manager', 'sales-ops@initech.com'] },
      defaultChain: ['manager'],
      missingManager: 'error',
    });
  });

  it('gives up on an output the template does not return, and on a short sentence it cannot read', async () => {
    const shape = await author('Finance joiners need their manager and then fd@acme.com. Return { approvers, deadline }.');
    expect(shape.ok).toBe(false);
    expect(shape.reason).toContain('deadline');
    const short = await author('Finance joiners need their manager and then fd@acme.com. The manager should also welcome them.');
    expect(short.ok).toBe(false);
    expect(short.reason).toContain('"The manager should also welcome them"');
  });

  it('gives up on a manager\'s manager, which the directory cannot tell', async () => {
    const result = await author("Engineering joiners need approval from their manager and then their manager's manager.");
    expect(result.ok).toBe(false);
    expect(result.reason).toMatch(/manager's manager/);
  });
});
