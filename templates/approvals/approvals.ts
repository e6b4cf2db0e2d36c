import { defineFunction } from '@joinery/sdk';

interface Params {
  /** Registry name of the instantiated function (kebab-case). */
  functionName: string;
  /** "user.joined" routes every joiner; "manual" routes on request. */
  trigger: 'user.joined' | 'manual';
  /** Approval chains by department (keys compare case-insensitively after trimming); "manager" is the joiner's manager. */
  chains: Record<string, string[]>;
  /** The chain for departments without an entry. */
  defaultChain: string[];
  /** When managerEmail is missing: "fallback" puts fallbackApprover in the manager's place, "error" throws. */
  missingManager: 'fallback' | 'error';
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
  "missingManager": "fallback",
  "fallbackApprover": "it-approvals@example.com"
};
/* joinery:params:end */

const MANAGER = 'manager';

function fold(text: string | null | undefined): string {
  return (text ?? '').trim().toLowerCase();
}

/** The department's chain and the name it is known by in the output ("default" when none matched). */
function chainFor(department: string): { chain: string; steps: string[] } {
  const entry = Object.entries(PARAMS.chains).find(([name]) => fold(name) === fold(department));
  return entry === undefined ? { chain: 'default', steps: PARAMS.defaultChain } : { chain: entry[0], steps: entry[1] };
}

/** The manager's address, or the fallback approver; throws under "error" or when there is no fallback. */
function managerOrFallback(person: { employeeId: string; managerEmail?: string | null }): { approver: string; role: string } {
  const manager = fold(person.managerEmail);
  if (manager !== '') return { approver: manager, role: MANAGER };
  const fallback = fold(PARAMS.fallbackApprover);
  if (PARAMS.missingManager === 'error' || fallback === '') {
    throw new Error(`cannot route approvals for ${person.employeeId}: managerEmail is missing and missingManager is "${PARAMS.missingManager}"`);
  }
  return { approver: fallback, role: 'fallback' };
}

export default defineFunction({
  name: PARAMS.functionName,
  description: `Approval chain by department (${Object.keys(PARAMS.chains).join(', ')}; others: ${PARAMS.defaultChain.join(' then ')}); a missing manager ${PARAMS.missingManager === 'error' ? 'is an error' : `is replaced by ${PARAMS.fallbackApprover}`}.`,
  trigger: PARAMS.trigger,
  egress: [],
  secrets: [],
  async run(event, ctx) {
    const { person } = event;
    const { chain, steps } = chainFor(person.department);
    const resolved = steps.map((step) => (fold(step) === MANAGER ? managerOrFallback(person) : { approver: fold(step), role: 'named' }));
    // One person approves once, at their first step: a manager who is also the director is not asked twice.
    const unique = resolved.filter((step, index) => resolved.findIndex((other) => other.approver === step.approver) === index);
    if (unique.length === 0) throw new Error(`the approval chain "${chain}" has no approvers`);
    const approvers = unique.map((step) => step.approver);
    if (resolved.some((step) => step.role === 'fallback')) {
      ctx.log.warn('managerEmail is missing; the fallback approver stands in', { employeeId: person.employeeId, fallback: PARAMS.fallbackApprover });
    }
    ctx.log.info('approval chain resolved', { employeeId: person.employeeId, chain, approvers });
    return { approvers, chain, steps: unique.map((step, index) => ({ order: index + 1, ...step })) };
  },
});
