// Turns what the email rules read into the template's parameters: decodes written-out addresses, moves
// the shared rules' names (maxLength, the clash separator) to the template's, writes the layout with
// {sep}, and says what was assumed and what cannot be done.

import type { Recognition } from '../../recognizer.ts';
import { state } from '../../recognizer.ts';
import { asciiFold } from '../../transliterate.ts';
import { TOKEN_LAYOUT } from './email-layouts.ts';
import { keepPersonExamples, nameFromLocalPart } from './email-examples.ts';
import { notesOf } from './email-rules.ts';
import { readingOf, type EmailReading } from './email-identifier.ts';
import { checkSpellings } from './email-spellings.ts';

const CANDIDATES = ['{first}.{last}', '{f}{last}', '{f}.{last}', '{first}{last}', '{first}_{last}', '{first}-{last}', '{last}.{first}', '{last}{f}', '{first}{l}', '{first}.{l}', '{last}_{first}', '{first}.{m}.{last}', '{f}{m}{last}', '{last}{first}'];
const SAMPLE_NAMES = ['John Quinn Smith', 'Jane Quinn Doe', 'John Quinn Doe', 'Jane Quinn Smith', 'John Smith', 'Jane Doe'];

interface Decoded { pattern: string; prefix: string; suffixSeparator: string; number?: string }

interface Spelling {
  spellings?: Record<string, string>;
  keepHyphens?: boolean;
}

/** The admin's own spellings (ü → ue) first, then the default folding. */
function render(pattern: string, fullName: string, { spellings = {}, keepHyphens = false }: Spelling = {}): string {
  const foldPart = (word: string) => asciiFold([...word.normalize('NFC').toLowerCase()].map((character) => spellings[character] ?? character).join(''));
  // A kept hyphen ("anna.smith-jones2") stays between the folded parts of a double-barrelled name.
  const fold = (word: string) => (keepHyphens ? word.split('-').map(foldPart).join('-') : foldPart(word));
  const words = fullName.split(/\s+/);
  const first = fold(words[0] ?? '');
  const last = fold(words.at(-1) ?? '');
  const middle = words.length > 2 ? fold(words[1] ?? '') : '';
  const values: Record<string, string> = { first, last, middle, f: first.slice(0, 1), l: last.slice(0, 1), m: middle.slice(0, 1) };
  // An empty part (no middle name) leaves no doubled or stray separator, as in the template.
  return pattern.replace(/\{(\w+)\}/g, (_placeholder, name: string) => values[name] ?? '').replace(/([._-])[._-]+/g, '$1').replace(/^[._-]+|[._-]+$/g, '');
}

/** The layout, prefix and clash number that explain a written-out local part, if one does. */
function decodeLocalPart(local: string, patterns: string[], names: string[], spelling: Spelling): Decoded | undefined {
  for (const pattern of patterns) {
    for (const name of names) {
      const base = render(pattern, name, spelling);
      const at = base ? local.lastIndexOf(base) : -1;
      const rest = at < 0 ? undefined : /^([._-]?)(\d{1,3})?$/.exec(local.slice(at + base.length));
      if (at < 0 || !rest || (rest[1] && !rest[2])) continue;
      return { pattern, prefix: local.slice(0, at), suffixSeparator: rest[1] ?? '', number: rest[2] };
    }
  }
  return undefined;
}

function learnFromSamples(recognition: Recognition<EmailReading>): void {
  const notes = notesOf(recognition);
  // Names the admin's examples give, including those read from earlier samples in this loop.
  const namesNow = () => [...recognition.examples.map((example) => example.input), ...SAMPLE_NAMES];
  const exampleOutputs = new Set(recognition.examples.map((example) => example.output.toLowerCase()));
  const writtenOf = (sample: { local: string; domain: string }) => (sample.domain ? `${sample.local}@${sample.domain}` : sample.local);
  for (const sample of notes.samples.filter((candidate) => !exampleOutputs.has(writtenOf(candidate)))) {
    const stated = String(recognition.params.pattern);
    const patterns = recognition.stated.has('pattern') ? [stated, stated.replace(/^(\{f\}|\{first\})([._-]?)/, '$1$2{m}$2')] : CANDIDATES;
    if (new RegExp(`^${TOKEN_LAYOUT.source}$`, 'i').test(sample.local)) continue;
    const spelling = { spellings: recognition.params.transliterations, keepHyphens: recognition.params.keepHyphens === true };
    const decoded = decodeLocalPart(sample.local, patterns, namesNow(), spelling);
    const written = writtenOf(sample);
    // "keep their hyphen (mary.smith-jones@acme.com)": the address names its person; the example is checked in finish.
    const named = decoded ? undefined : recognition.stated.has('pattern') ? nameFromLocalPart(sample.local, stated) : undefined;
    if (named && !/\d$/.test(sample.local)) {
      recognition.examples.push({ input: named, output: written });
      continue;
    }
    if (!decoded || (decoded.prefix && !sample.mentionsContractors)) {
      recognition.problems.push(`could not tell how the address ${written} is made from a name`);
      continue;
    }
    state(recognition, 'pattern', decoded.pattern);
    if (decoded.prefix || sample.forContractors) state(recognition, 'contractorPrefix', decoded.prefix);
    if (decoded.number) {
      state(recognition, 'firstSuffix', Number(decoded.number));
      state(recognition, 'separator', decoded.suffixSeparator);
      if (decoded.number.startsWith('0')) state(recognition, 'suffixDigits', decoded.number.length);
    }
  }
}

/** "{f}.{last}" (the shared layout rules' form) as the template writes it: "{firstInitial}{sep}{last}" and ".". */
function writeLayout(recognition: Recognition<EmailReading>, p: EmailReading): void {
  const notes = notesOf(recognition);
  let pattern = String(p.pattern);
  if (notes.middle === 'always' && !/\{m(?:iddle)?\}/.test(pattern)) pattern = pattern.replace(/^(\{f\}|\{first\})(\{sep\}|[._-]?)/, '$1$2{m}$2');
  if (!/\{sep\}/.test(pattern)) {
    const separator = notes.nameSeparator ?? /\}([._-])\{/.exec(pattern)?.[1] ?? '';
    const joins = (between: string) => notes.nameSeparator !== undefined || (separator !== '' && between === `}${separator}{`);
    pattern = pattern.replace(/\}[._-]?\{/g, (between) => (joins(between) ? '}{sep}{' : between));
    p.separator = separator;
  } else if (notes.nameSeparator !== undefined) {
    p.separator = notes.nameSeparator;
  }
  p.pattern = templateForm(pattern);
  p.fallbackPatterns = notes.fallbackLayouts.map((layout) => templateForm(p.separator ? layout.replace(/\}([._-])\{/g, (between, character: string) => (character === p.separator ? '}{sep}{' : between)) : layout));
  if (notes.middle === 'fallback' && !/\{middle/.test(p.pattern + p.fallbackPatterns.join())) {
    p.fallbackPatterns.push(p.pattern.replace(/^(\{firstInitial\}|\{first\})(\{sep\})?/, (_whole, first: string, sep?: string) => `${first}${sep ?? ''}{middleInitial}${sep ?? ''}`));
  }
}

const templateForm = (layout: string) => layout.replace(/\{f\}/g, '{firstInitial}').replace(/\{l\}/g, '{lastInitial}').replace(/\{m\}/g, '{middleInitial}');

export function settleEmail(recognition: Recognition<EmailReading>): void {
  keepPersonExamples(recognition);
  const params = recognition.params;
  const p = params;
  const notes = notesOf(recognition);
  learnFromSamples(recognition);
  p.suffixSeparator = recognition.stated.has('separator') ? String(params.separator) : readingOf(params).suffixSeparator;
  writeLayout(recognition, p);
  if (p.contractorDomain === p.domain) p.contractorDomain = '';
  if (notes.subdomain) {
    const domain = `${notes.subdomain.label}.${p.domain}`;
    if (notes.subdomain.forContractors) state(recognition, 'contractorDomain', domain);
    else p.domain = domain;
  }
  // The shared length rules write maxLength; the rule's own default (64) is not a stated limit.
  if (recognition.stated.has('maxLength') && typeof params.maxLength === 'number') {
    const whole = notes.wholeAddress === true;
    p.maxLocalPartLength = whole ? params.maxLength - 1 - Math.max(p.domain.length, p.contractorDomain.length) : params.maxLength;
    if (whole) recognition.assumptions.push(`The ${params.maxLength}-character limit is the whole address, @${p.contractorDomain || p.domain} included: at most ${p.maxLocalPartLength} characters before the @.`);
    else if (notes.wholeAddress === undefined) recognition.assumptions.push(`The ${params.maxLength}-character limit is read as the part before the @ (the domain is fixed).`);
  }
  delete params.maxLength;
  checkSpellings(recognition, p);
  assume(recognition, p);
}

function assume(recognition: Recognition<EmailReading>, p: EmailReading): void {
  const { stated, assumptions, problems } = recognition;
  const { maxLocalPartLength, suffixSeparator } = readingOf(recognition.params);
  if (!stated.has('domain')) assumptions.push(`The requirement named no domain: ${p.domain} is used; change "domain" before publishing.`);
  if (!stated.has('pattern')) assumptions.push('The requirement named no layout: first.last is used.');
  if (!stated.has('contractorPrefix')) p.contractorPrefix = '';
  if (!stated.has('contractorDomain')) p.contractorDomain = '';
  if (!stated.has('contractorPrefix') && !stated.has('contractorDomain')) assumptions.push('Contractors get the same kind of address as employees (the requirement set no prefix or domain for them).');
  if (!stated.has('usePreferredName')) {
    p.usePreferredName = false;
    assumptions.push('The legal first name is used; a preferred name is ignored because the requirement did not mention one.');
  }
  if (!stated.has('firstSuffix')) assumptions.push(`On a clash a number is appended from ${p.firstSuffix} (${suffixSeparator}${p.firstSuffix}).`);
  assumptions.push('An address is free when no user in the directory, active or disabled, holds it; an address already held by the same employee is returned as it is.');
  if (maxLocalPartLength > 64) problems.push(`a local part of ${maxLocalPartLength} characters is longer than mail systems allow (64 before the @, RFC 5321 and Entra)`);
  const least = p.contractorPrefix.length + suffixSeparator.length + String(p.firstSuffix).length + 2;
  if (maxLocalPartLength < least) problems.push(`a local part of at most ${maxLocalPartLength} characters leaves no room for a name${p.contractorPrefix ? `, the contractor prefix "${p.contractorPrefix}"` : ''} and a clash number`);
  if (p.firstSuffix > 999) problems.push(`a clash number starting at ${p.firstSuffix} is not supported`);
  if (!/^[a-z0-9.-]+\.[a-z]{2,}$/.test(p.domain)) problems.push(`"${p.domain}" is not a domain an address can use`);
}
