// How letters are spelt in addresses: an example such as "Müller -> mueller" or "Søren -> soren" says it.
// The spellings that make an example come out are learnt into the transliterations, or the example is
// named back as not following the rule.

import type { Recognition } from '../../recognizer.ts';
import { state } from '../../recognizer.ts';
import { asciiFold } from '../../transliterate.ts';
import { foldName } from '../../kinds/identifier/expected-identifier.ts';
import { emailIdentifier, readingOf, type EmailReading } from './email-identifier.ts';
import { notesOf } from './email-rules.ts';

/** Ways a letter outside ASCII may be spelt: ü as u or ue, ø as oe or o, æ as ae or a. */
function spellingsOf(letter: string): string[] {
  const folded = asciiFold(letter);
  const base = letter.normalize('NFKD').replace(/\p{M}/gu, '');
  const umlaut = /[äöü]/.test(letter) ? [`${base}e`] : [];
  return [...new Set([folded, folded.slice(0, 1), ...umlaut].filter(Boolean))];
}

/** The letter spellings that make `produces` true for a name, when the current ones do not: an example
 *  such as "Müller -> mueller" or "Søren -> soren" says how letters are spelt. Undefined when none does. */
export function learnSpellings<P extends { transliterations: Record<string, string> }>(
  p: P,
  name: string,
  produces: (params: P) => boolean,
): Record<string, string> | undefined {
  if (produces(p)) return p.transliterations;
  const outsideAscii = (character: string) => (character.codePointAt(0) ?? 0) > 0x7f;
  const letters = [...new Set([...name.normalize('NFC').toLowerCase()].filter((character) => outsideAscii(character) && !(character in p.transliterations)))];
  let tables: Array<Record<string, string>> = [{}];
  for (const letter of letters.slice(0, 4)) tables = tables.flatMap((table) => spellingsOf(letter).map((way) => ({ ...table, [letter]: way })));
  const fits = tables.find((table) => produces({ ...p, transliterations: { ...p.transliterations, ...table } }));
  if (!fits) return undefined;
  const changed = Object.fromEntries(Object.entries(fits).filter(([letter, way]) => asciiFold(letter) !== way));
  // The German convention comes whole: ü spelt "ue" means ä and ö are spelt "ae" and "oe".
  const german = Object.entries(changed).some(([letter, way]) => /[äöü]/.test(letter) && way.length === 2);
  if (german) Object.assign(changed, { ä: 'ae', ö: 'oe', ü: 'ue', ...changed });
  return { ...p.transliterations, ...changed };
}

export function checkSpellings(recognition: Recognition<EmailReading>, p: EmailReading): void {
  for (const spelling of notesOf(recognition).spellings) {
    const fold = (params: EmailReading) => foldName(emailIdentifier(readingOf({ ...params })), spelling.input);
    const learned = learnSpellings(p, spelling.input, (params) => fold(params) === spelling.output);
    if (learned) state(recognition, 'transliterations', learned, { override: true });
    else recognition.problems.push(`the example ${spelling.input} → ${spelling.output} does not follow the rule as understood (it gives ${fold(p)})`);
  }
}
