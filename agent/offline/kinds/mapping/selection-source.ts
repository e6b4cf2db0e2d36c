// The function generated from a mapping rule with `select` (approval chains): the rule as its parameter
// block, the conditions shared with the union body (mapping-source.ts), then one reviewed body that
// chooses the rules (all that hold, or the first), appends the additions, resolves items that stand for
// the person's own fields ("manager") and returns the items with the rule chosen and the steps.

/** `block` is the rule as the parameter block; `shared` the condition type and helpers of mapping-source.ts. */
export function selectionSource(block: string, shared: { conditionType: string; conditionHelpers: string }): string {
  return [shared.conditionType, PARAMS_TYPE, block, shared.conditionHelpers, BODY].join('\n');
}

const PARAMS_TYPE = `/** The mapping rule this function was generated from (see the spec for the requirement it reads). */
interface Params {
  functionName: string;
  /** What an item is: "approver". */
  item: string;
  /** Every joiner gets these first. */
  baseline: string[];
  /** Under select "first" only the first rule whose condition holds gives its items; \`name\` is what \`output.selected\` says. */
  grants: { when: Condition; items: string[]; name?: string }[];
  /** Exceptions that take items away: named, or matching \`pattern\` (regex, any case). */
  exceptions: { when: Condition; items: string[]; pattern?: string }[];
  /** \`field\`: the items kept; \`selected\`: the rule chosen; \`steps\`: each item kept as { order, <item>: item, role }. */
  output: { field: string; removedField?: string; selected?: string; steps?: { field: string; item: string } };
  /** Without duplicates: sorted by code unit, or in the order the rules list them. */
  order: 'sorted' | 'as-listed';
  /** "all": every rule that holds adds its items; "first": the first that holds, none holding is the \`noMatch\` error. */
  select: 'all' | 'first';
  trigger?: 'user.joined' | 'manual';
  noMatch?: string;
  /** Read after the selection: each that holds appends its items. */
  additions?: { when: Condition; items: string[] }[];
  /** The item \`item\` is the person's \`field\`; when it is missing: the fallback, the step left out, or an error. */
  resolve?: { item: string; field: 'managerEmail'; missing: 'fallback' | 'skip' | 'error'; fallback: string };
  /** The error when no item is left. */
  noItems?: string;
}
`;

const BODY = `interface Joiner extends PersonFields {
  employeeId: string;
  managerEmail?: string | null;
}

interface Step {
  item: string;
  role: string;
}

/** "<department>" in a message is the person's department, "<selected>" the rule chosen. */
function fill(message: string, person: Joiner, selected: string): string {
  const values: Record<string, unknown> = { ...person, selected };
  return message.replace(/<(\\w+)>/g, (_all, name: string) => String(values[name] ?? ''));
}

/** The rules that give items (every one that holds, or the first), then the additions that hold. */
function chosen(person: Joiner): { name: string; items: string[] } {
  const holding = PARAMS.grants.filter((grant) => conditionHolds(grant.when, person));
  const picked = PARAMS.select === 'first' ? holding.slice(0, 1) : holding;
  if (picked.length === 0 && PARAMS.select === 'first') throw new Error(fill(PARAMS.noMatch ?? 'no rule applies to <employeeId>', person, ''));
  const added = (PARAMS.additions ?? []).filter((addition) => conditionHolds(addition.when, person));
  return {
    name: picked.map((grant) => grant.name ?? '').join(', '),
    items: [...PARAMS.baseline, ...picked.flatMap((grant) => grant.items), ...added.flatMap((addition) => addition.items)],
  };
}

/** An item as the steps it becomes: the person's own field, the fallback, nothing ("skip"), or itself. */
function resolveItem(item: string, person: Joiner): Step[] {
  const resolver = PARAMS.resolve;
  if (resolver === undefined) return [{ item, role: 'named' }];
  if (fold(item) !== fold(resolver.item)) return [{ item: fold(item), role: 'named' }];
  const own = fold(person[resolver.field]);
  if (own !== '') return [{ item: own, role: resolver.item }];
  if (resolver.missing === 'skip') return [];
  const fallback = fold(resolver.fallback);
  if (resolver.missing === 'error' || fallback === '') {
    const why = resolver.missing === 'error' ? 'is an error' : 'has no fallback';
    throw new Error(\`\${resolver.field} is missing for \${person.employeeId}: a missing \${resolver.item} \${why}\`);
  }
  return [{ item: fallback, role: 'fallback' }];
}

/** What to warn about when the person's field is missing and a step needed it. */
function missingWarning(items: string[], steps: Step[], person: Joiner): { message: string; fields: Record<string, string> } | undefined {
  const resolver = PARAMS.resolve;
  if (resolver === undefined || fold(person[resolver.field]) !== '' || !items.some((item) => fold(item) === fold(resolver.item))) return undefined;
  if (steps.some((step) => step.role === 'fallback')) {
    const message = \`\${resolver.field} is missing; the fallback \${PARAMS.item} stands in\`;
    return { message, fields: { employeeId: person.employeeId, fallback: resolver.fallback } };
  }
  return { message: \`\${resolver.field} is missing; the \${resolver.item} step is skipped\`, fields: { employeeId: person.employeeId } };
}

/** Each item once, at its first step; sorted by code unit when the rule says so. */
function arrange(steps: Step[]): Step[] {
  const unique = steps.filter((step, index) => steps.findIndex((other) => other.item === step.item) === index);
  return PARAMS.order === 'sorted' ? unique.sort((left, right) => (left.item < right.item ? -1 : left.item > right.item ? 1 : 0)) : unique;
}

const plural = \`\${PARAMS.item}s\`;
const title = plural.charAt(0).toUpperCase() + plural.slice(1);
const resolved = PARAMS.resolve ? \`; "\${PARAMS.resolve.item}" is the joiner's \${PARAMS.resolve.field}\` : '';

export default defineFunction({
  name: PARAMS.functionName,
  description: \`\${title} for a joiner: \${PARAMS.select === 'first' ? 'the first' : 'every one'} of \${PARAMS.grants.length} rules that holds\${resolved}.\`,
  trigger: PARAMS.trigger ?? 'user.joined',
  egress: [],
  secrets: [],
  async run(event, ctx) {
    const { person } = event;
    const { name, items } = chosen(person);
    const steps = arrange(items.flatMap((item) => resolveItem(item, person)));
    const kept = steps.filter((step) => !isRemoved(step.item, person));
    if (kept.length === 0 && PARAMS.noItems !== undefined) throw new Error(fill(PARAMS.noItems, person, name));
    const warning = missingWarning(items, steps, person);
    if (warning) ctx.log.warn(warning.message, warning.fields);
    const { field, removedField, selected, steps: listed } = PARAMS.output;
    const output: Record<string, unknown> = { [field]: kept.map((step) => step.item) };
    if (removedField !== undefined) output[removedField] = steps.filter((step) => isRemoved(step.item, person)).map((step) => step.item);
    if (selected !== undefined) output[selected] = name;
    if (listed !== undefined) output[listed.field] = kept.map((step, index) => ({ order: index + 1, [listed.item]: step.item, role: step.role }));
    ctx.log.info(\`\${plural} resolved\`, { employeeId: person.employeeId, ...(selected === undefined ? {} : { [selected]: name }), [field]: output[field] });
    return output;
  },
});
`;
