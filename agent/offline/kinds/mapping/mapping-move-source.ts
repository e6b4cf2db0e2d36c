// The part of the mapping function's reviewed body that carries out mode `diff` (mapping-rule.ts): the
// mapping before a move against the mapping after it. Appended to the body of mapping-source.ts, whose
// helpers (conditionHolds, isRemoved, ordered) it uses; function declarations, so their place is free.

export const MOVE_BODY = `/** The items one placement holds: the baseline and every rule that holds for it, less what an exception takes. */
function heldBy(person: PersonFields): string[] {
  const candidates = [...PARAMS.baseline, ...PARAMS.grants.filter((grant) => conditionHolds(grant.when, person)).flatMap((grant) => grant.items)];
  return ordered(candidates.filter((item) => !isRemoved(item, person)));
}

function moveDescription(): string {
  const exceptions = \`\${PARAMS.exceptions.length} exceptions beat every rule\`;
  return \`\${title} to add and to remove when a person moves (\${everyone}\${rules}; \${exceptions}); baseline \${plural} are never removed.\`;
}

/**
 * Mode "diff": \`event.previous\` holds only the fields that changed, so a field it lacks kept its current
 * value (\`null\`: had none). Items outside the rule are in neither placement, so they are never removed.
 */
function moveChanges(event: LifecycleEvent, ctx: FunctionContext): Record<string, string[]> {
  const { person, previous } = event;
  const { field, removedField } = PARAMS.output;
  if (previous === undefined) {
    ctx.log.warn(\`user.moved without previous values: nothing to compare, no \${PARAMS.item} changes\`, { employeeId: person.employeeId });
    return { [field]: [], [removedField]: [] };
  }
  const before = heldBy({ ...person, ...previous });
  const after = heldBy(person);
  const add = after.filter((item) => !before.includes(item));
  const remove = before.filter((item) => !after.includes(item) && !PARAMS.baseline.includes(item));
  ctx.log.info(\`mover \${PARAMS.item} changes\`, { employeeId: person.employeeId, [field]: add, [removedField]: remove });
  return { [field]: add, [removedField]: remove };
}
`;
