// Fixtures for the approvals family, derived from the parameters; expected values come from the reference.

import type { FixtureTest } from '../../../core/fixtures/index.ts';
import type { Person } from '../../../core/sdk/index.ts';
import { joinedEvent } from '../fixture-builders.ts';
import type { ApprovalExample } from './approvals-chains.ts';
import { expectedApprovals, MANAGER_STEP, type ApprovalsParams } from './approvals-reference.ts';

interface Scenario {
  name: string;
  who: Partial<Person>;
}

const MAX_FIXTURES = 16;

export function examplePerson(example: ApprovalExample): Person {
  return joinedEvent({ department: example.department, employmentType: example.employmentType, managerEmail: example.managerEmail }).person;
}

/** A department name no chain uses. */
function unlistedDepartment(p: ApprovalsParams): string {
  return ['Facilities', 'Customer Support', 'Legal Operations'].find((name) => !Object.keys(p.chains).some((key) => key.trim().toLowerCase() === name.toLowerCase()))!;
}

export function approvalsFixtures(p: ApprovalsParams, examples: ApprovalExample[]): FixtureTest[] {
  const named = [...Object.values(p.chains), p.defaultChain, ...Object.values(p.employmentTypeChains), ...Object.values(p.employmentTypeExtraSteps)].flat().filter((step) => step !== MANAGER_STEP);
  const domain = named[0]?.split('@')[1] ?? 'example.com';
  const manager = `pat.lee@${domain}`;
  const departments = Object.keys(p.chains);
  const first = departments[0] ?? unlistedDepartment(p);
  const other = unlistedDepartment(p);
  const withManager = [...departments.filter((name) => p.chains[name]!.includes(MANAGER_STEP)), ...(p.defaultChain.includes(MANAGER_STEP) ? [other] : [])];

  const scenarios: Scenario[] = [
    ...departments.slice(0, 5).map((department) => ({ name: `${department}: its own chain`, who: { department, managerEmail: manager } })),
    { name: `a department without a chain of its own (${other})`, who: { department: other, managerEmail: manager } },
    { name: 'the department matches in another case, with spaces', who: { department: `  ${first.toUpperCase()}  `, managerEmail: manager } },
    { name: 'the manager address is trimmed and lower-cased', who: { department: withManager[0] ?? first, managerEmail: `  ${manager.toUpperCase()} ` } },
  ];
  if (withManager.length > 0) {
    scenarios.push({ name: `no manager (${withManager[0]})`, who: { department: withManager[0], managerEmail: null } });
    scenarios.push({ name: `a blank manager (${withManager.at(-1)})`, who: { department: withManager.at(-1), managerEmail: '   ' } });
  }
  const overlap = [...departments, other].find((department) => {
    const steps = p.chains[department] ?? p.defaultChain;
    return steps.includes(MANAGER_STEP) && steps.some((step) => step !== MANAGER_STEP);
  });
  if (overlap) {
    const steps = p.chains[overlap] ?? p.defaultChain;
    scenarios.push({ name: 'a manager who is also a named approver approves once', who: { department: overlap, managerEmail: steps.find((step) => step !== MANAGER_STEP)! } });
  }
  for (const type of new Set([...Object.keys(p.employmentTypeChains), ...Object.keys(p.employmentTypeExtraSteps)])) {
    scenarios.push({ name: `a ${type} in ${first}`, who: { department: first, employmentType: type as Person['employmentType'], managerEmail: manager } });
    scenarios.push({ name: `a ${type} without a manager`, who: { department: other, employmentType: type as Person['employmentType'], managerEmail: null } });
  }
  // Enough cases to pin the behaviour even for a one-line rule.
  const second = unlistedDepartment({ ...p, chains: { ...p.chains, [other]: [] } });
  const padding: Scenario[] = [
    { name: `an intern in ${first}`, who: { department: first, employmentType: 'intern', managerEmail: manager } },
    { name: `a contractor in ${other}`, who: { department: other, employmentType: 'contractor', managerEmail: manager } },
    { name: `another department without a chain (${second})`, who: { department: second, managerEmail: `lee.chu@${domain}` } },
    { name: `no manager in a department without a chain (${other})`, who: { department: other, managerEmail: null } },
    { name: `a blank manager in ${first}`, who: { department: first, managerEmail: '' } },
    { name: `a second joiner in ${first} with another manager`, who: { department: first, managerEmail: `Lee.Chu@${domain.toUpperCase()}` } },
  ];
  for (const extra of padding) if (scenarios.length < 8) scenarios.push(extra);

  const fromExamples = examples.map((example, index) => ({ name: `example ${index + 1} from the requirement: ${example.text}`, who: examplePerson(example) }));
  return [...fromExamples, ...scenarios].slice(0, MAX_FIXTURES).map((scenario, index) => {
    const event = joinedEvent(scenario.who, {}, `evt-${index + 1}`);
    const input = { ...event, type: p.trigger };
    const expected = expectedApprovals(p, input.person);
    return { name: scenario.name, input, expect: 'error' in expected ? { error: expected.error } : { output: expected } } as FixtureTest;
  });
}
