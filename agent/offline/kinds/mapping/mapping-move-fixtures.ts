// Fixtures for a mapping rule in mode `diff`: the moves the text's worked examples describe, the text's
// literal examples as written, then the moves of mapping-move-scenarios.ts. Each is a `user.moved` event;
// expected outputs come from the reference (expected-move.ts).

import type { FixtureTest } from '../../../../core/fixtures/index.ts';
import { person } from '../../fixture-builders.ts';
import type { Recognition } from '../../recognizer.ts';
import { expectedMove } from './expected-move.ts';
import { parse, personOf } from './mapping-literals.ts';
import type { Who } from './mapping-people.ts';
import type { MappingHints, MappingRule } from './mapping-rule.ts';
import { type Move, moveScenarios } from './mapping-move-scenarios.ts';

const MAX_FIXTURES = 16;

/** `{"department": "Sales", "previous": {"department": "Engineering"}} → CRM-Users`: the person after the
 *  move (JSON fields, or a name) with what changed under `previous`; the output a JSON object, or the items
 *  to add (a JSON list or names separated by commas) with what to remove from the reference. */
function literalMove(rule: MappingRule, literal: { input: string; output: string }): Move {
  const { previous, ...who }: Who & { previous?: Who } = personOf(literal.input);
  const written = parse(literal.output);
  const items = Array.isArray(written) ? written : literal.output.split(/\s*,\s*/).filter(Boolean);
  const expect = written && typeof written === 'object' && !Array.isArray(written)
    ? (written as Record<string, unknown>)
    : { ...expectedMove(rule, person(who), previous), [rule.output.field]: items };
  return { name: `${literal.input} gets ${literal.output}`, who, ...(previous ? { previous } : {}), expect };
}

export function mappingMoveFixtures(rule: MappingRule, hints: MappingHints = {}, literals: Recognition['examples'] = []): FixtureTest[] {
  const described: Move[] = (hints.moves ?? []).map((move) => ({ name: move.text, who: move.who, previous: move.previous }));
  const fromText = [...described, ...literals.map((literal) => literalMove(rule, literal))]
    .map((move, index) => ({ ...move, name: `example ${index + 1} from the requirement: ${move.name}` }));
  return [...fromText, ...moveScenarios(rule)].slice(0, MAX_FIXTURES).map((move, index) => {
    const moved = person(move.who);
    const previous = move.previous ? { previous: move.previous } : {};
    const input = { type: 'user.moved', id: `evt-${index + 1}`, occurredAt: '2026-11-20T09:00:00Z', person: moved, ...previous };
    return { name: move.name, input, expect: { output: move.expect ?? expectedMove(rule, moved, move.previous) } } as FixtureTest;
  });
}
