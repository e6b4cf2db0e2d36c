// The evidence a salient token can be found in: every value and key of the parameters the requirement
// set (written by a rule, stated, or different from the template's defaults), the names of those
// parameters when they hold something, and the examples taken from the text.

import { isDeepStrictEqual } from 'node:util';

export interface Evidence {
  /** Lower-case texts: parameter names (split into words), keys and string values, example texts; each with where it is. */
  texts: Array<{ text: string; source: string }>;
  /** Every number in the evidence, as digits ("20", "08:00"), with where it is. */
  numbers: Map<string, string>;
}

export interface EvidenceSource {
  params: Record<string, unknown>;
  defaults: Record<string, unknown>;
  /** Names of parameters (and flags such as "slack") the requirement set. */
  set: Iterable<string>;
  examples: Array<{ input: string; output: string }>;
}

export function collectEvidence({ params, defaults, set, examples }: EvidenceSource): Evidence {
  const names = new Set(set);
  for (const name of Object.keys(params)) if (!isDeepStrictEqual(params[name], defaults[name])) names.add(name);
  names.delete('functionName');
  const texts: Evidence['texts'] = [];
  const numbers: Evidence['numbers'] = new Map();
  const addNumber = (number: string, source: string) => {
    if (!numbers.has(number)) numbers.set(number, source);
  };
  const addText = (text: string, source: string) => {
    // Title patterns are regular expressions: "\\bdesigners?\\b" names designers.
    texts.push({ text: text.replace(/\\[bBdDwWsS]/g, ' ').toLowerCase(), source });
    for (const match of text.matchAll(/\d+(?::\d\d)?/g)) addNumber(match[0].includes(':') ? match[0] : String(Number(match[0])), source);
  };
  const walk = (value: unknown, source: string): void => {
    if (typeof value === 'number') addNumber(String(value), source);
    else if (typeof value === 'string') addText(value, source);
    else if (Array.isArray(value)) for (const item of value) walk(item, source);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        addText(key, source);
        walk(inner, source);
      }
    }
  };
  for (const name of names) {
    if (!(name in params)) texts.push({ text: name.toLowerCase(), source: name });
    const value = params[name];
    if (holdsSomething(value)) texts.push({ text: name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase(), source: name });
    walk(value, name);
  }
  for (const example of examples) {
    addText(example.input, 'example');
    addText(example.output, 'example');
  }
  return { texts, numbers };
}

function holdsSomething(value: unknown): boolean {
  if (value === undefined || value === null || value === '' || value === false) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}
