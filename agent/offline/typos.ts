// Admins type fast. Words one edit away from a word the offline author knows are read as that word
// (Damerau-Levenshtein distance 1, or 2 for long words), and every correction is shown as an assumption.

import { editDistance } from './edit-distance.ts';

const KNOWN_WORDS = `username usernames login logins first last initial initials surname surnames lastname firstname
  lowercase uppercase characters character letters already should taken number numbers append prefix suffix
  contractor contractors employee employees intern interns preferred middle name names hyphen hyphens hyphenated
  apostrophe apostrophes accents diacritics never reuse retired separate separated separator domain email emails
  address addresses department departments group groups manager managers approval approvals approver approvers
  everyone engineering sales finance marketing location office temporary access pass lifetime minutes hours days
  ticket servicenow hardware laptop assignment queue bamboohr workday writeback employee revoke disable sessions
  leaver leavers mover movers joiner joiners starter starters account accounts maximum minimum limit length
  including included unique duplicate exists existing directory letter
  token tokens director directors takes managed manage manages leave leaves disabled deferred required offices
  revokes revoked makes logic excluded`.split(/\s+/).filter(Boolean);

const KNOWN = new Set(KNOWN_WORDS);


/** Real words one edit away from a known word, which must never be "corrected". */
const REAL_WORDS = new Set(`excluded exclude excludes logic logins shouldn couldn wouldn directly regular general mentor
  listed lasted tasted posted hosted pasted string strings thing things later latter liter number numbed`.split(/\s+/).filter(Boolean));

function correction(word: string): string | undefined {
  const lower = word.toLowerCase();
  if (lower.length < 5 || KNOWN.has(lower) || REAL_WORDS.has(lower) || !/^[a-z]+$/.test(lower)) return undefined;
  // Plurals and singulars of known words are words, not typos.
  if (KNOWN.has(`${lower}s`) || KNOWN.has(lower.replace(/e?s$/, ''))) return undefined;
  const allowed = lower.length >= 8 ? 2 : 1;
  const candidates = KNOWN_WORDS.filter((known) => Math.abs(known.length - lower.length) <= allowed && editDistance(lower, known) <= allowed);
  return candidates.length === 1 ? candidates[0] : undefined;
}

export function correctTypos(text: string): { text: string; corrections: string[] } {
  const corrections: string[] = [];
  // Only free-standing words: parts of identifiers (GRAPH_TOKEN, MFA-Required, it@acme.com, {upn}) and
  // all-capital words (acronyms, secret names) are names, not typos.
  const corrected = text.replace(/(?<![\w@#{}/\\-])[A-Za-z]+(?![\w@#{}/\\-])/g, (word) => {
    const fixed = word.length > 1 && word === word.toUpperCase() ? undefined : correction(word);
    if (!fixed) return word;
    corrections.push(`read "${word}" as "${fixed}"`);
    return word[0] === word[0]!.toUpperCase() ? fixed[0]!.toUpperCase() + fixed.slice(1) : fixed;
  });
  return { text: corrected, corrections: [...new Set(corrections)] };
}
