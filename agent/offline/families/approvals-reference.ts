// The offline author's reference for the approvals family: given the parameters and a joiner, the
// approvers a correct function returns, in order. Computed independently of the template.

import type { Person } from '../../../core/sdk/index.ts';

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

export interface ExpectedApprovals {
  approvers: string[];
  chain: string;
  steps: Array<{ order: number; approver: string; role: 'manager' | 'fallback' | 'named' }>;
}

/** The step that stands for the joiner's own manager. */
export const MANAGER_STEP = 'manager';

const clean = (text: string | null | undefined) => (text ?? '').trim().toLowerCase();

function keyIn(table: Record<string, string[]>, value: string): string | undefined {
  return Object.keys(table).find((key) => clean(key) === clean(value));
}

export function expectedApprovals(params: ApprovalsParams, person: Person): ExpectedApprovals | { error: string } {
  let chain: string;
  let steps: string[];
  const typeKey = keyIn(params.employmentTypeChains, person.employmentType);
  if (typeKey !== undefined) {
    chain = typeKey;
    steps = params.employmentTypeChains[typeKey]!;
  } else {
    const departmentKey = keyIn(params.chains, person.department);
    chain = departmentKey ?? 'default';
    steps = departmentKey === undefined ? params.defaultChain : params.chains[departmentKey]!;
    if (steps.length === 0) return { error: 'no approval chain for department' };
    const extraKey = keyIn(params.employmentTypeExtraSteps, person.employmentType);
    if (extraKey !== undefined) steps = [...steps, ...params.employmentTypeExtraSteps[extraKey]!];
  }

  const result: ExpectedApprovals['steps'] = [];
  const add = (approver: string, role: ExpectedApprovals['steps'][number]['role']) => {
    if (!result.some((step) => step.approver === approver)) result.push({ order: result.length + 1, approver, role });
  };
  for (const step of steps) {
    if (clean(step) !== MANAGER_STEP) {
      add(clean(step), 'named');
    } else if (clean(person.managerEmail)) {
      add(clean(person.managerEmail), 'manager');
    } else if (params.missingManager === 'fallback' && clean(params.fallbackApprover)) {
      add(clean(params.fallbackApprover), 'fallback');
    } else if (params.missingManager !== 'skip') {
      return { error: 'managerEmail is missing' };
    }
  }
  if (result.length === 0) return { error: 'has no approvers' };
  return { approvers: result.map((step) => step.approver), chain, steps: result };
}
