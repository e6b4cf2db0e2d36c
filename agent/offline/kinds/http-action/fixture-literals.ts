// The admin's examples taken literally: the value as written, where the text says it goes, whatever the
// reading made of the rule, so a misread rule fails its own example.

import type { Outcome } from './expected-http-action.ts';

/** The output field of that name and every body field of that name (without a key: the first text field). */
export function applyLiteral(outcome: Outcome, literal: { key?: string; value: string }): void {
  const output = outcome.output as Record<string, unknown> | undefined;
  if (literal.key && output && literal.key in output) output[literal.key] = literal.value;
  for (const call of outcome.calls) {
    if (call.body && typeof call.body === 'object') call.body = replaceField(call.body, literal.key, literal.value, { done: false });
  }
}

/** With a key: every field of that name; without one: the first text field, the one a message goes in. */
function replaceField(value: unknown, key: string | undefined, literal: string, state: { done: boolean }): unknown {
  if (Array.isArray(value)) return value.map((item) => replaceField(item, key, literal, state));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([name, inner]) => {
    const hit = key ? name === key : !state.done && typeof inner === 'string';
    if (hit) state.done = !key;
    return [name, hit ? literal : replaceField(inner, key, literal, state)];
  }));
}
