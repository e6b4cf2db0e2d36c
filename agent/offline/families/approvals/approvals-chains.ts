// What the approvals family collects while reading clauses, and how it becomes the template's parameters
// once every clause was read: chains by department and worker type, the default chain, what happens
// without a manager. Ambiguities are settled here and written down as assumptions.

import type { Person } from '../../../../core/sdk/index.ts';
import { joinedEvent } from '../../fixture-builders.ts';
import { expectedOutcome } from '../../kinds/mapping/expected-selection.ts';
import { readingFields, type Recognition } from '../../recognizer.ts';
import { APPROVALS_READING_DEFAULTS, approvalsMapping, MANAGER_STEP, type ApprovalsReading } from './approvals-mapping.ts';
import type { MissingAction } from './approvals-clauses.ts';
import { correctDepartment } from '../../grammar/department-names.ts';
import type { Subject } from './approvals-steps.ts';

export interface ChainEntry {
  subject: Subject;
  steps: string[];
  /** "Finance also needs …": the steps come on top of the everyone chain. */
  additive: boolean;
}

export interface ApprovalExample {
  text: string;
  department: string;
  employmentType: 'employee' | 'contractor' | 'intern';
  managerEmail: string | null;
  approvers: string[];
}

export interface ApprovalsDraft {
  entries: ChainEntry[];
  missing: Array<{ action: MissingAction; text: string }>;
  examples: ApprovalExample[];
}

const drafts = new WeakMap<Recognition<ApprovalsReading>, ApprovalsDraft>();

export function draftOf(recognition: Recognition<ApprovalsReading>): ApprovalsDraft {
  let draft = drafts.get(recognition);
  if (!draft) drafts.set(recognition, (draft = { entries: [], missing: [], examples: [] }));
  return draft;
}

const merge = (base: string[], steps: string[]) => [...base, ...steps.filter((step) => !base.includes(step))];
const show = (steps: string[]) => steps.join(' → ');

/** Puts the chains into the parameters; states only what the requirement said. */
export function settleChains(recognition: Recognition<ApprovalsReading>, draft: ApprovalsDraft): void {
  const p = recognition.params;
  const { problems, assumptions } = recognition;
  if (draft.entries.length === 0) {
    problems.push('no approval chain is given: say who approves whom, e.g. "Finance joiners need their manager, then the finance director (fd@acme.com)"');
    return;
  }
  const everyone = draft.entries.filter((entry) => entry.subject.kind === 'everyone').reduce<string[] | undefined>((chain, entry) => (chain && entry.additive ? merge(chain, entry.steps) : chain ?? entry.steps), undefined);
  const others = draft.entries.find((entry) => entry.subject.kind === 'others')?.steps;
  const chains: Record<string, string[]> = {};
  const typeChains: Record<string, string[]> = {};
  const typeExtra: Record<string, string[]> = {};
  for (const entry of draft.entries) {
    if (entry.subject.kind !== 'departments' && entry.subject.kind !== 'types') continue;
    const base = everyone ?? (entry.additive ? others : undefined);
    if (entry.additive && !base) problems.push(`the ${entry.subject.names.join(', ')} chain says "also" but no chain for everyone is given`);
    const onTop = base !== undefined && (entry.additive || (everyone !== undefined && !entry.steps.some((step) => everyone.includes(step))));
    for (const written of entry.subject.names) {
      const name = entry.subject.kind === 'departments' ? correctDepartment(written, assumptions) : written;
      if (entry.subject.kind === 'departments') {
        const steps = onTop ? merge(base!, entry.steps) : entry.steps;
        if (chains[name] && show(chains[name]!) !== show(steps)) problems.push(`${name} is given two different chains (${show(chains[name]!)} and ${show(steps)})`);
        chains[name] = steps;
        if (onTop && !entry.additive) assumptions.push(`"everyone" includes ${name}, so its chain is the everyone chain followed by its own steps: ${show(steps)}`);
      } else if (onTop) {
        typeExtra[name] = entry.steps;
        assumptions.push(`${name}s need ${show(entry.steps)} after their department's chain`);
      } else {
        typeChains[name] = entry.steps;
        assumptions.push(`${name}s follow their own chain (${show(entry.steps)}) whatever their department`);
      }
    }
  }
  const defaultChain = others ?? everyone ?? [];
  if (defaultChain.length === 0) assumptions.push('a department without a chain of its own is an error (the requirement names no chain for everyone else)');
  p.chains = chains;
  p.defaultChain = defaultChain;
  p.employmentTypeChains = typeChains;
  p.employmentTypeExtraSteps = typeExtra;
  for (const name of ['chains', 'defaultChain', 'employmentTypeChains', 'employmentTypeExtraSteps']) recognition.stated.add(name);
}

/** What happens without a manager: stated, or an error when a chain needs the manager. */
export function settleMissingManager(recognition: Recognition<ApprovalsReading>, draft: ApprovalsDraft): void {
  const p = recognition.params;
  const read = readingFields(recognition.params, APPROVALS_READING_DEFAULTS);
  const decided = draft.missing.filter((said) => said.action.mode !== 'pending');
  for (const said of draft.missing) {
    if (said.action.mode === 'pending' && decided.length === 0) recognition.problems.push(`"${said.text}" does not say who approves when there is no manager`);
  }
  const modes = new Set(decided.map((said) => JSON.stringify(said.action)));
  if (modes.size > 1) recognition.problems.push(`the requirement says two different things about a missing manager (${decided.map((said) => `"${said.text}"`).join(' and ')})`);
  const action = decided[0]?.action;
  const usesManager = [...Object.values(read.chains), read.defaultChain, ...Object.values(read.employmentTypeChains)].some((steps) => steps.includes(MANAGER_STEP));
  if (action?.mode === 'fallback') {
    p.missingManager = 'fallback';
    p.fallbackApprover = action.approver;
  } else {
    p.missingManager = action?.mode === 'skip' ? 'skip' : 'error';
    p.fallbackApprover = '';
    if (!action && usesManager) recognition.assumptions.push('a joiner without a manager is an error: the requirement does not say who approves instead');
  }
  recognition.stated.add('missingManager');
}

function examplePerson(example: ApprovalExample): Person {
  return joinedEvent({ department: example.department, employmentType: example.employmentType, managerEmail: example.managerEmail }).person;
}

/** An example as the text's literal input → output, so that its fixture expects exactly what it says. */
export function exampleLiteral(example: ApprovalExample): { input: string; output: string } {
  const { department, employmentType, managerEmail } = example;
  return { input: JSON.stringify({ department, employmentType, managerEmail }), output: JSON.stringify(example.approvers) };
}

/** Every example the admin gave must come out of the parameters as understood. */
export function checkExamples(recognition: Recognition<ApprovalsReading>, draft: ApprovalsDraft): void {
  const rule = approvalsMapping(readingFields(recognition.params, APPROVALS_READING_DEFAULTS));
  for (const example of draft.examples) {
    example.department = correctDepartment(example.department, recognition.assumptions);
    const expected = expectedOutcome(rule, examplePerson(example));
    const got = 'error' in expected ? `an error (${expected.error})` : show(expected.output.approvers as string[]);
    if (got !== show(example.approvers)) recognition.problems.push(`the example "${example.text}" does not follow the chains as understood (they give ${got})`);
  }
}
