// Values by who the person is, as admins write them after the body: 'contractors use requestTypeId "53"
// instead of "52"', "interns get priority 4, everyone else 3". The body's field becomes `<tables.NAME>`, a
// value table whose default is the body's own value (or the one "everyone else" gets); each sentence adds a row.

import type { Recognition, Rule } from '../../recognizer.ts';
import type { HttpActionRule, ValueTable } from './http-action-rule.ts';
import { statedSteps, write } from './reading-state.ts';

const VALUE = String.raw`["“']?([\w.-]+?)["”']?`;
const EVERYONE_ELSE = String.raw`(?:everyone|everybody|anyone|all others|the rest)(?:\s+else)?`;

/** The object in a body that holds the field of that name, however deep. */
function fieldIn(body: unknown, key: string): { holder: Record<string, unknown> } | undefined {
  if (!body || typeof body !== 'object') return undefined;
  if (!Array.isArray(body) && key in body) return { holder: body as Record<string, unknown> };
  for (const inner of Object.values(body)) {
    const found = fieldIn(inner, key);
    if (found) return found;
  }
  return undefined;
}

/** The written value in the body's type: "53" stays text where the body has text, a number where it has one. */
const typed = (written: string, like: unknown): unknown => (typeof like === 'number' && Number.isFinite(Number(written)) ? Number(written) : written);

function addRow(recognition: Recognition<HttpActionRule>, match: RegExpExecArray): void {
  const [, type = '', key = '', value = '', insteadOf, otherwise] = match;
  const steps = structuredClone(statedSteps(recognition));
  const found = steps.map((step) => fieldIn(step.body, key)).filter((field) => field !== undefined).at(-1);
  if (!found) {
    recognition.problems.push(`"${match[0]}": no request body has a field ${key}; write the body with its usual value first`);
    return;
  }
  const placeholder = `<tables.${key}>`;
  const tables: ValueTable[] = structuredClone(recognition.stated.has('tables') ? recognition.params.tables : []);
  let table = tables.find((candidate) => candidate.name === key);
  if (!table) {
    table = { name: key, rows: [], otherwise: found.holder[key] };
    tables.push(table);
  }
  const usual = table.otherwise;
  const differs = (written: string) => `"${match[0]}": the body's ${key} is ${JSON.stringify(usual)}, not "${written}"`;
  if (insteadOf !== undefined && String(usual) !== insteadOf) recognition.problems.push(differs(insteadOf));
  if (otherwise !== undefined) {
    if (found.holder[key] !== placeholder && String(usual) !== otherwise) recognition.problems.push(differs(otherwise));
    table.otherwise = typed(otherwise, usual);
  }
  const who = type.toLowerCase().replace(/s$/, '');
  const same = table.rows.find((row) => row.when.some((condition) => condition.field === 'employmentType' && condition.values.includes(who)));
  const given = typed(value, usual);
  if (same && same.value !== given) recognition.problems.push(`${key} for ${who}s is given twice: ${JSON.stringify(same.value)} and ${JSON.stringify(given)}`);
  if (!same) table.rows.push({ when: [{ field: 'employmentType', values: [who], negate: false }], value: given });
  found.holder[key] = placeholder;
  write(recognition, 'tables', tables);
  write(recognition, 'steps', steps);
}

export const TABLE_RULES: Rule<HttpActionRule>[] = [
  {
    pattern: new RegExp(
      String.raw`\b(contractors?|interns?|employees?)\s+(?:use|get|have|send)\s+(?:the\s+)?([A-Za-z]\w*)\s*(?:=|:)?\s*${VALUE}` +
        String.raw`(?:\s+instead(?:\s+of\s+${VALUE})?)?(?:\s*[,;]\s*(?:and\s+)?${EVERYONE_ELSE}\s+(?:uses?\s+|gets?\s+)?${VALUE})?(?=[\s,.;)]|$)`,
      'i',
    ),
    apply: (match, recognition) => addRow(recognition, match),
  },
];
