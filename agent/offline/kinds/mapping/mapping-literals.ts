// The admin's examples taken literally: `{"department": "Sales", "location": "Berlin"} → Salesforce, Slack`
// expects exactly those items, whatever the reading made of the rule, so a misread rule fails its own
// example. What an exception took away is the reference's (an example names what a person gets).

import { joinedEvent } from '../../fixture-builders.ts';
import { expectedMapping } from './expected-mapping.ts';
import type { Who } from './mapping-people.ts';
import type { MappingRule } from './mapping-rule.ts';

export function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A person given as JSON fields, or as a name ("John Smith") with the other fields the builder's. */
export function personOf(input: string): Who {
  const fields = parse(input);
  if (fields && typeof fields === 'object' && !Array.isArray(fields)) return fields as Who;
  const [firstName, ...rest] = input.trim().split(/\s+/);
  return { firstName: firstName || 'John', lastName: rest.join(' ') || 'Smith' };
}

/** The output as written: a JSON object, a JSON list, or names separated by commas. */
function outputOf(rule: MappingRule, output: string, who: Who): Record<string, unknown> {
  const written = parse(output);
  if (written && typeof written === 'object' && !Array.isArray(written)) return written as Record<string, unknown>;
  const items = Array.isArray(written) ? written : output.split(/\s*,\s*/).filter(Boolean);
  return { ...expectedMapping(rule, joinedEvent(who).person), [rule.output.field]: items };
}

export function literalExample(rule: MappingRule, literal: { input: string; output: string }): { name: string; who: Who; expect: Record<string, unknown> } {
  const who = personOf(literal.input);
  return { name: `${literal.input} gets ${literal.output}`, who, expect: outputOf(rule, literal.output, who) };
}
