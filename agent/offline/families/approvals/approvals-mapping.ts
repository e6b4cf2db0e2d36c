// Approval routing as a mapping rule: the approvals phrases read the approvals template's parameters
// (chains by department and employment type, extra steps, the default chain, a missing manager) and this
// makes the mapping kind's rule from them when the function and its fixtures are written. The function,
// the reference and the fixtures are the mapping kind's (select "first", a resolver for "manager");
// templates/approvals is the same rule written by hand (a test keeps its parameters equal to these defaults).

import type { MappingRule } from '../../kinds/mapping/mapping-rule.ts';

/** What the approvals phrases read (the approvals template's parameters). */
export interface ApprovalsParams {
  functionName: string;
  trigger: 'user.joined' | 'manual';
  chains: Record<string, string[]>;
  defaultChain: string[];
  employmentTypeChains: Record<string, string[]>;
  employmentTypeExtraSteps: Record<string, string[]>;
  missingManager: 'fallback' | 'skip' | 'error';
  fallbackApprover: string;
}

/** The step that stands for the joiner's own manager. */
export const MANAGER_STEP = 'manager';

/** The params while reading: the rule's defaults (the mapping kind's form) with the template's parameters written next to them. */
export type ApprovalsReading = MappingRule & Partial<ApprovalsParams>;

/** The reading before the text says anything: the approvals template's parameters. */
export const APPROVALS_READING_DEFAULTS: ApprovalsParams = {
  functionName: 'route-joiner-approvals',
  trigger: 'user.joined',
  chains: { Finance: ['manager', 'finance-director@example.com'], Engineering: ['manager'] },
  defaultChain: ['manager', 'it-approvals@example.com'],
  employmentTypeChains: {},
  employmentTypeExtraSteps: {},
  missingManager: 'fallback',
  fallbackApprover: 'it-approvals@example.com',
};

const fold = (text: string) => text.trim().toLowerCase();

/**
 * The first chain that holds: an employment type's (it replaces the department's), the department's, then
 * the default (`chain` says "default"); an employment type's extra steps come after a department's or the
 * default chain, never after the type's own chain. Returned as `{ approvers, chain, steps }`, as the template does.
 */
export function approvalsMapping(params: ApprovalsParams): MappingRule {
  const typed = Object.keys(params.employmentTypeChains).map(fold);
  return {
    functionName: params.functionName,
    item: 'approver',
    baseline: [],
    grants: [
      ...Object.entries(params.employmentTypeChains).map(([type, steps]) => ({ name: type, when: { employmentType: type }, items: steps })),
      ...Object.entries(params.chains).map(([department, steps]) => ({ name: department, when: { department }, items: steps })),
      ...(params.defaultChain.length > 0 ? [{ name: 'default', when: {}, items: params.defaultChain }] : []),
    ],
    exceptions: [],
    output: { field: 'approvers', selected: 'chain', steps: { field: 'steps', item: 'approver' } },
    order: 'as-listed',
    select: 'first',
    trigger: params.trigger,
    noMatch: 'no approval chain for department "<department>" and no default chain',
    additions: Object.entries(params.employmentTypeExtraSteps)
      .filter(([type]) => !typed.includes(fold(type)))
      .map(([type, steps]) => ({ when: { employmentType: type }, items: steps })),
    resolve: { item: MANAGER_STEP, field: 'managerEmail', missing: params.missingManager, fallback: params.fallbackApprover },
    noItems: 'the approval chain "<selected>" has no approvers',
  };
}

/** The rule before the text says anything. */
export const APPROVALS_DEFAULTS: ApprovalsReading = approvalsMapping(APPROVALS_READING_DEFAULTS);
