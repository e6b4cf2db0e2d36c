// "Return { approvers } in order": the output shape an admin names must be one the template returns.
// The analyser understands such clauses for every family; this rule checks the keys. Shared by the
// approvals, mover-groups and leaver-revoke families.

import type { Rule } from '../recognizer.ts';

export function outputShapeRule(family: string, keys: string[]): Rule {
  return {
    pattern: /(?:\breturns?|\bgive\s+(?:me\s+)?back|\boutputs?|\brespond\s+with|->|→|=>)\s*:?\s*(?:an?\s+object\s+(?:like\s+)?)?\{(?<body>[^{}]*)\}/i,
    apply(match, recognition) {
      const named = match.groups!.body!.split(',').map((entry) => entry.split(':')[0]!.trim().replace(/^["']|["']$/g, '')).filter(Boolean);
      const unknown = named.filter((key) => !keys.includes(key));
      if (unknown.length > 0) {
        recognition.problems.push(`"${match[0].trim()}" names ${unknown.map((key) => `"${key}"`).join(', ')}, which the ${family} template does not return (it returns ${keys.join(', ')})`);
      }
    },
  };
}
