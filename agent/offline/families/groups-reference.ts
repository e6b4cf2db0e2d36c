// The offline author's reference for the apps family (groups is a mapping rule now): given the parameters and a person, the
// names a correct function returns and the names an exception took away. Computed independently of the
// templates: conditions are checked field by field here, and nothing is shared with their code.

import type { Person } from '../../../core/sdk/index.ts';
import type { Condition } from './groups-subjects.ts';

/** A rule or exception in the form both families share. */
export interface Grant { when: Condition; names: string[]; pattern?: string }

const fold = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();
const same = (left: string | null | undefined, right: string) => fold(left ?? '') === fold(right);

export function holds(condition: Condition, person: Person): boolean {
  const fields = ['department', 'location', 'costCenter', 'employmentType'] as const;
  for (const field of fields) {
    const wanted = condition[field];
    if (wanted === undefined) continue;
    const options = typeof wanted === 'string' ? [wanted] : wanted;
    if (!options.some((option) => same(person[field], option))) return false;
  }
  if (condition.titlePattern !== undefined && !new RegExp(condition.titlePattern, 'i').test(person.title ?? '')) return false;
  if (condition.unless !== undefined && (Array.isArray(condition.unless) ? condition.unless : [condition.unless]).some((other) => holds(other, person))) return false;
  return true;
}

/** Granted names minus withheld ones, each list de-duplicated and sorted by code unit. */
export function expectedAssignment(baseline: string[], grants: Grant[], withholds: Grant[], person: Person): { kept: string[]; removed: string[] } {
  const granted = [...baseline, ...grants.filter((grant) => holds(grant.when, person)).flatMap((grant) => grant.names)];
  const applying = withholds.filter((withhold) => holds(withhold.when, person));
  const withheld = (name: string) => applying.some((withhold) =>
    withhold.names.some((other) => same(other, name)) || (withhold.pattern !== undefined && new RegExp(withhold.pattern, 'i').test(name)));
  const sorted = (names: string[]) => [...new Set(names)].sort((left, right) => (left < right ? -1 : left > right ? 1 : 0));
  return { kept: sorted(granted.filter((name) => !withheld(name))), removed: sorted(granted.filter(withheld)) };
}
