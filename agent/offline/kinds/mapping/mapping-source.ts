// The function generated from a mapping rule: the rule as its parameter block, then one reviewed body
// that carries out every field of it (mapping-rule.ts). Only the block varies.

import { PARAMS_END, PARAMS_START } from '../../../templates/index.ts';
import { MOVE_BODY } from './mapping-move-source.ts';
import type { MappingRule } from './mapping-rule.ts';
import { selectionSource } from './selection-source.ts';

/** A rule with `select` (approval chains) is written by the selection body, which shares the conditions. */
export function mappingSource(rule: MappingRule): string {
  const block = [PARAMS_START, `const PARAMS: Params = ${JSON.stringify(rule, null, 2)};`, PARAMS_END].join('\n');
  if (rule.select !== undefined) return selectionSource(block, { conditionType: `${IMPORT}\n${CONDITION_TYPE}`, conditionHelpers: CONDITION_HELPERS });
  return [UNION_IMPORT, CONDITION_TYPE, PARAMS_TYPE, block, CONDITION_HELPERS, BODY, MOVE_BODY].join('\n');
}

const IMPORT = `import { defineFunction } from '@joinery/sdk';\n`;
/** The union body's own import: its move part (mode `diff`) names the event and ctx types. */
const UNION_IMPORT = `import { defineFunction, type FunctionContext, type LifecycleEvent } from '@joinery/sdk';\n`;

const CONDITION_TYPE = `/**
 * A condition holds when every field it names matches (AND). A field given as a list matches any of its
 * values (OR). department, location, costCenter and employmentType compare case-insensitively after
 * trimming (inner runs of spaces count as one); titlePattern is a case-insensitive regular expression
 * searched in the title; \`unless\` holds when none of its conditions does ("everyone else").
 */
interface Condition {
  department?: string | string[];
  location?: string | string[];
  costCenter?: string | string[];
  employmentType?: string | string[];
  titlePattern?: string;
  unless?: Condition | Condition[];
}
`;

const PARAMS_TYPE = `/** The mapping rule this function was generated from (see the spec for the requirement it reads). */
interface Params {
  functionName: string;
  /** What an item is: "group", "app". */
  item: string;
  /** Every joiner gets these, unless an exception takes one away. */
  baseline: string[];
  /** Each rule whose condition holds adds its items. */
  grants: { when: Condition; items: string[] }[];
  /** Exceptions that beat every rule: items named, or matching \`pattern\` (regex, any case). */
  exceptions: { when: Condition; items: string[]; pattern?: string }[];
  /** \`field\`: the items kept; \`removedField\`: what an exception took away. */
  output: { field: string; removedField: string };
  /** Without duplicates: sorted by code unit, or in the order the rules list them. */
  order: 'sorted' | 'as-listed';
  /** \`diff\` (trigger user.moved): what to add and remove on a move, in \`output.field\` and \`output.removedField\`. */
  mode?: 'assign' | 'diff';
}
`;

const CONDITION_HELPERS = `
interface PersonFields {
  department: string;
  location?: string | null;
  costCenter?: string | null;
  employmentType: string;
  title?: string | null;
}

function fold(text: string | null | undefined): string {
  return (text ?? '').trim().replace(/\\s+/g, ' ').toLowerCase();
}

/** A bad pattern in PARAMS is a configuration error: say which one instead of failing obscurely. */
function compile(pattern: string, where: string): RegExp {
  try {
    return new RegExp(pattern, 'i');
  } catch (error) {
    throw new Error(\`\${where} \${JSON.stringify(pattern)} is not a valid regular expression: \${(error as Error).message}\`);
  }
}

function fieldMatches(expected: string | string[] | undefined, actual: string | null | undefined): boolean {
  if (expected === undefined) return true;
  return (Array.isArray(expected) ? expected : [expected]).some((option) => fold(option) === fold(actual));
}

function conditionHolds(when: Condition, person: PersonFields): boolean {
  return (
    fieldMatches(when.department, person.department) &&
    fieldMatches(when.location, person.location) &&
    fieldMatches(when.costCenter, person.costCenter) &&
    fieldMatches(when.employmentType, person.employmentType) &&
    (when.titlePattern === undefined || compile(when.titlePattern, 'titlePattern').test(person.title ?? '')) &&
    (when.unless === undefined || !(Array.isArray(when.unless) ? when.unless : [when.unless]).some((other) => conditionHolds(other, person)))
  );
}

function isRemoved(item: string, person: PersonFields): boolean {
  return PARAMS.exceptions.some(
    (exception) =>
      conditionHolds(exception.when, person) &&
      (exception.items.some((name) => fold(name) === fold(item)) ||
        (exception.pattern !== undefined && compile(exception.pattern, \`\${PARAMS.item}Pattern\`).test(item))),
  );
}
`;

const BODY = `/** Without duplicates; sorted by code unit, not locale, so the order is the same on every machine. */
function ordered(items: string[]): string[] {
  const unique = [...new Set(items)];
  return PARAMS.order === 'sorted' ? unique.sort() : unique;
}

const plural = \`\${PARAMS.item}s\`;
const title = plural.charAt(0).toUpperCase() + plural.slice(1);
const rules = \`\${PARAMS.grants.length} rules by department, location, cost centre, title and employment type\`;
const everyone = PARAMS.baseline.length ? \`\${PARAMS.baseline.join(', ')} for everyone, \` : '';

export default defineFunction({
  name: PARAMS.functionName,
  description:
    PARAMS.mode === 'diff' ? moveDescription() : \`\${title} for a joiner: \${everyone}\${rules}; \${PARAMS.exceptions.length} exceptions beat every rule.\`,
  trigger: (PARAMS.mode === 'diff' ? 'user.moved' : 'user.joined'),
  egress: [],
  secrets: [],
  async run(event, ctx) {
    if (PARAMS.mode === 'diff') return moveChanges(event, ctx);
    const { person } = event;
    const candidates = [
      ...PARAMS.baseline,
      ...PARAMS.grants.filter((grant) => conditionHolds(grant.when, person)).flatMap((grant) => grant.items),
    ];
    const kept = ordered(candidates.filter((item) => !isRemoved(item, person)));
    const removed = ordered(candidates.filter((item) => isRemoved(item, person)));
    ctx.log.info(\`\${plural} assigned\`, { employeeId: person.employeeId, [PARAMS.output.field]: kept, [PARAMS.output.removedField]: removed });
    return { [PARAMS.output.field]: kept, [PARAMS.output.removedField]: removed };
  },
});
`;
