// Department names admins mistype ("Finanace", "Engeneering"): a typo one or two edits away from a common
// department is read as that department, and the reading is recorded as an assumption. Used by the
// approvals and mover-groups families; names that are not close to a common one are kept as written.

import { editDistance } from '../edit-distance.ts';

const COMMON_DEPARTMENTS = [
  'Finance', 'Engineering', 'Sales', 'Marketing', 'Human Resources', 'Legal', 'Operations', 'Product', 'Support',
  'Customer Support', 'Customer Success', 'Security', 'Design', 'Facilities', 'Procurement', 'People', 'Research',
  'Accounting', 'Compliance', 'Executive', 'Administration', 'Recruiting', 'Data Science', 'Infrastructure',
];


/** The common department a name is a typo of, or the name as written (first letters capitalised when all lower case). */
export function correctDepartment(name: string, assumptions: string[]): string {
  const written = name === name.toLowerCase() ? name.replace(/(^|\s)(\p{L})/gu, (_all, space: string, letter: string) => space + letter.toUpperCase()) : name;
  const key = name.toLowerCase();
  if (COMMON_DEPARTMENTS.some((common) => common.toLowerCase() === key)) return written;
  const allowed = key.length >= 7 ? 2 : key.length >= 5 ? 1 : 0;
  const close = COMMON_DEPARTMENTS.filter((common) => editDistance(common.toLowerCase(), key) <= allowed);
  if (close.length !== 1) return written;
  const assumption = `read "${name}" as the ${close[0]} department`;
  if (!assumptions.includes(assumption)) assumptions.push(assumption);
  return close[0]!;
}
