// How a written example names its person. "Mary Ann O'Brien → maryann.obrien@acme.com" has a two-word first
// name: the example itself says where the first name ends, so every split of the words is tried and the
// one that gives the written address is kept for the example's fixture. An address written without a
// name ("keep their hyphen (mary.smith-jones@acme.com)") is read back into the name it was made from, and
// "examples" that state a case ("No middle name → …") or a layout rather than a person are set aside.

import { splitFullName } from '../../fixture-builders.ts';
import type { Recognition } from '../../recognizer.ts';
import { asciiFold } from '../../transliterate.ts';
import { TOKEN_LAYOUT } from './email-layouts.ts';

export interface NameSplit { firstName: string; lastName: string }

const CHOSEN = new WeakMap<object, NameSplit>();

/** Every split of a full name into first and last name, the usual one (first word) first. */
export function splitsOf(fullName: string): NameSplit[] {
  const words = fullName.trim().split(/\s+/);
  const splits = [splitFullName(fullName)];
  for (let at = 2; at < words.length; at += 1) splits.push({ firstName: words.slice(0, at).join(' '), lastName: words.slice(at).join(' ') });
  return splits;
}

export function rememberSplit(example: object, split: NameSplit): void {
  CHOSEN.set(example, split);
}

export function splitOf(example: { input: string }): NameSplit {
  return CHOSEN.get(example) ?? splitFullName(example.input);
}

const capitalised = (word: string) => word.replace(/(^|[-'])(\p{L})/gu, (_whole, before: string, letter: string) => before + letter.toUpperCase());

/** "mary.smith-jones" under "{first}.{last}" → "Mary Smith-Jones"; undefined for any other layout. */
export function nameFromLocalPart(local: string, pattern: string): string | undefined {
  const layout = /^\{first\}([._-])\{last\}$/.exec(pattern);
  if (!layout) return undefined;
  const parts = local.replace(/[._-]?\d+$/, '').split(layout[1]!);
  if (parts.length !== 2 || !parts.every((part) => /^[a-z]+(?:-[a-z]+)*$/.test(part))) return undefined;
  return parts.map(capitalised).join(' ');
}

/** "No middle name → just john.smith@…" states a case, not a name; its address is still read as a sample. */
const CONDITION = /^(?:no|without|missing|if|when|empty|blank|otherwise|else)\b/i;

/** Drops "examples" that are not a person's name ("Email addresses → firstname_lastname@acme.com"). */
export function keepPersonExamples(recognition: Recognition): void {
  const layout = new RegExp(`^${TOKEN_LAYOUT.source}$`, 'i');
  // "Mary Ann -> maryann" shows how one name is cleaned, not a whole address.
  const cleaning = (example: { input: string; output: string }) => !example.output.includes('@') && asciiFold(example.input) === example.output.toLowerCase();
  recognition.examples = recognition.examples.filter((example) =>
    !cleaning(example) && !CONDITION.test(example.input) && !layout.test(example.output.split('@')[0]!) && !/\b(?:e-?mails?|add?ress(?:es)?|format|pattern|layout|user ?names?|upns?|domains?|contractors?|employees?|clash(?:es)?|duplicates?)\b/i.test(example.input));
}
