// Each family or rule kind reads into parameters of its own type: `state()` takes only a parameter of that
// type with a value of its type, and a recognizer's defaults and readings are typed. The `@ts-expect-error`
// lines are the checks: `npx tsc -p tsconfig.json` fails as soon as one of them type-checks again.

import { describe, expect, it } from 'vitest';
import { RECOGNIZERS } from '../../../agent/offline/families/index.ts';
import { HTTP_ACTION_DEFAULTS, type HttpActionRule } from '../../../agent/offline/kinds/http-action/http-action-rule.ts';
import { httpActionRecognizer } from '../../../agent/offline/kinds/http-action/http-action-recognizer.ts';
import { usernameRecognizer } from '../../../agent/offline/kinds/identifier/username-recognizer.ts';
import { readingFields, state, type FamilyRecognizer, type Recognition } from '../../../agent/offline/recognizer.ts';

function reading(): Recognition<HttpActionRule> {
  return { params: structuredClone(HTTP_ACTION_DEFAULTS), assumptions: [], problems: [], examples: [], stated: new Set() };
}

describe('typed parameters', () => {
  it('state() writes a parameter of the family, with a value of its type', () => {
    const recognition = reading();
    state(recognition, 'trigger', 'manual');
    // @ts-expect-error: an identifier rule's parameter, not an HTTP action rule's
    state(recognition, 'maxLength', 20);
    // @ts-expect-error: not one of the rule's triggers
    state(recognition, 'trigger', 'user.moved');
    expect(recognition.params.trigger).toBe('manual');
    expect([...recognition.stated]).toEqual(['trigger', 'maxLength']);
  });

  it("a recognizer's defaults are its own parameter type", () => {
    const defaults: HttpActionRule | undefined = httpActionRecognizer.defaults;
    // @ts-expect-error: the username kind reads an identifier rule, not an HTTP action rule
    const mixedUp: FamilyRecognizer<HttpActionRule> = usernameRecognizer;
    expect(defaults?.steps.length).toBeGreaterThan(0);
    expect(mixedUp.family).toBe('username');
  });

  it('readingFields takes each field the params hold, else its default, in the defaults order', () => {
    const fields = readingFields<{ a: number; b: string; c?: boolean }>({ b: 'read', c: undefined }, { a: 1, b: 'default', c: true });
    expect(fields).toEqual({ a: 1, b: 'read', c: undefined });
    expect(Object.keys(fields)).toEqual(['a', 'b', 'c']);
  });

  it('the list holds every family through the one existential seam', () => {
    expect(RECOGNIZERS.map((recognizer) => recognizer.family)).toContain('http-action');
  });
});
