import { defineFunction } from '@joinery/sdk';

interface Params {
  /** Registry name of the instantiated function (kebab-case). */
  functionName: string;
  /** "user.joined" routes every joiner; "manual" routes on request. */
  trigger: 'user.joined' | 'manual';
  /** Approval chains by department (keys compare case-insensitively after trimming); "manager" is the joiner's manager. */
  chains: Record<string, string[]>;
  /** The chain for departments without an entry; empty makes such a department an error. */
  defaultChain: string[];
  /** Chains by employment type ("contractor", "intern", "employee"); they replace the department's chain. */
  employmentTypeChains: Record<string, string[]>;
  /** Steps an employment type adds after its department's (or the default) chain. */
  employmentTypeExtraSteps: Record<string, string[]>;
  /** When managerEmail is missing: "fallback" puts fallbackApprover in the manager's place, "skip" drops the manager's step, "error" throws. */
  missingManager: 'fallback' | 'skip' | 'error';
  /** Who approves in the manager's place under "fallback". */
  fallbackApprover: string;
}

/* joinery:params:start */
const PARAMS: Params = {
  "functionName": "route-joiner-approvals",
  "trigger": "user.joined",
  "chains": {
    "Finance": ["manager", "finance-director@example.com"],
    "Engineering": ["manager"]
  },
  "defaultChain": ["manager", "it-approvals@example.com"],
  "employmentTypeChains": {},
  "employmentTypeExtraSteps": {},
  "missingManager": "fallback",
  "fallbackApprover": "it-approvals@example.com"
};
/* joinery:params:end */

const MANAGER = 'manager';

function fold(text: string | null | undefined): string {
  return (text ?? '').trim().toLowerCase();
}

function entryFor(table: Record<string, string[]>, key: string): [string, string[]] | undefined {
  return Object.entries(table).find(([name]) => fold(name) === fold(key));
}

/** The chain that applies and the name it is known by in the output ("default" when no department matched). */
function chainFor(person: { department: string; employmentType: string }): { chain: string; steps: string[] } {
  const byType = entryFor(PARAMS.employmentTypeChains, person.employmentType);
  if (byType !== undefined) return { chain: byType[0], steps: byType[1] };
  const byDepartment = entryFor(PARAMS.chains, person.department);
  const base = byDepartment === undefined ? { chain: 'default', steps: PARAMS.defaultChain } : { chain: byDepartment[0], steps: byDepartment[1] };
  if (base.steps.length === 0) throw new Error(`no approval chain for department "${person.department}" and no default chain`);
  return { chain: base.chain, steps: [...base.steps, ...(entryFor(PARAMS.employmentTypeExtraSteps, person.employmentType)?.[1] ?? [])] };
}

/** The manager's address, the fallback approver, or nothing ("skip"); throws under "error" or when there is no fallback. */
function managerOrFallback(person: { employeeId: string; managerEmail?: string | null }): Array<{ approver: string; role: string }> {
  const manager = fold(person.managerEmail);
  if (manager !== '') return [{ approver: manager, role: MANAGER }];
  if (PARAMS.missingManager === 'skip') return [];
  const fallback = fold(PARAMS.fallbackApprover);
  if (PARAMS.missingManager === 'error' || fallback === '') {
    throw new Error(`cannot route approvals for ${person.employeeId}: managerEmail is missing and missingManager is "${PARAMS.missingManager}"`);
  }
  return [{ approver: fallback, role: 'fallback' }];
}

function describeMissingManager(): string {
  if (PARAMS.missingManager === 'skip') return 'skips the manager step';
  return PARAMS.missingManager === 'error' || fold(PARAMS.fallbackApprover) === '' ? 'is an error' : `is replaced by ${PARAMS.fallbackApprover}`;
}

export default defineFunction({
  name: PARAMS.functionName,
  description: `Approval chain by department (${Object.keys(PARAMS.chains).join(', ') || 'none'}; others: ${PARAMS.defaultChain.join(' then ') || 'an error'}); a missing manager ${describeMissingManager()}.`,
  trigger: PARAMS.trigger,
  egress: [],
  secrets: [],
  async run(event, ctx) {
    const { person } = event;
    const { chain, steps } = chainFor(person);
    const resolved = steps.flatMap((step) => (fold(step) === MANAGER ? managerOrFallback(person) : [{ approver: fold(step), role: 'named' }]));
    // One person approves once, at their first step: a manager who is also the director is not asked twice.
    const unique = resolved.filter((step, index) => resolved.findIndex((other) => other.approver === step.approver) === index);
    if (unique.length === 0) throw new Error(`the approval chain "${chain}" has no approvers`);
    const approvers = unique.map((step) => step.approver);
    if (resolved.some((step) => step.role === 'fallback')) {
      ctx.log.warn('managerEmail is missing; the fallback approver stands in', { employeeId: person.employeeId, fallback: PARAMS.fallbackApprover });
    } else if (steps.some((step) => fold(step) === MANAGER) && fold(person.managerEmail) === '') {
      ctx.log.warn('managerEmail is missing; the manager step is skipped', { employeeId: person.employeeId });
    }
    ctx.log.info('approval chain resolved', { employeeId: person.employeeId, chain, approvers });
    return { approvers, chain, steps: unique.map((step, index) => ({ order: index + 1, ...step })) };
  },
});
