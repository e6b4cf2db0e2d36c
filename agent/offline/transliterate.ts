// The offline author's own name normalisation, used to compute expected values for fixtures. It is a
// second implementation on purpose: fixtures computed by running the template would prove nothing.

const TABLE: Record<string, string> = { æ: 'ae', ð: 'd', đ: 'd', ħ: 'h', ı: 'i', ł: 'l', ø: 'oe', œ: 'oe', ß: 'ss', þ: 'th', ŧ: 't' };

/** Lower-case ASCII letters and digits: ø→oe, ß→ss, æ→ae, ł→l, đ→d, þ→th, then NFKD without marks. */
export function asciiFold(text: string): string {
  let folded = '';
  for (const character of text.normalize('NFKD').toLowerCase()) {
    if (/\p{M}/u.test(character)) continue;
    folded += TABLE[character] ?? character;
  }
  return folded.replace(/[^a-z0-9]/g, '');
}
