// A ticket clause cut into pieces at commas, semicolons and joining words (quotes kept whole), and the
// table keys a piece names ("Engineering", "London / Dublin", "engineers").

import { readKey } from './ticket-keys.ts';
import { URL_PATTERN } from '../../grammar/shared-rules.ts';

/** The keys of "Engineering", "London / Dublin", "engineers"; notes say what was read loosely. */
export function keysOf(text: string | undefined): { keys: string[]; notes: string[] } | undefined {
  if (text === undefined) return { keys: [], notes: [] };
  const read = text.split(/\s*(?:\/|\bor\b|\s&\s)\s*/).map((part) => ({ part, key: readKey(part) }));
  if (read.some(({ key }) => key === undefined)) return undefined;
  const notes = read.flatMap(({ part, key }) => (key!.role ? [`"${part.trim()}" is read as the ${key!.key} department.`] : key!.corrected ? [`"${key!.corrected}" is read as ${key!.key}.`] : []));
  return { keys: read.map(({ key }) => key!.key), notes };
}

/** Splits at , ; and the joining words outside quotes, keeping each separator with the piece after it. */
export function split(clause: string): Array<{ text: string; separator: string }> {
  const quoted: string[] = [];
  // Brackets hold asides ("(acme.service-now.com)") or lists ("(London: LON-IT, Paris: PAR-IT)"): pieces of their own.
  const masked = clause.replace(new RegExp(URL_PATTERN.source, 'gi'), (url) => `\u0000${quoted.push(url) - 1}\u0000`).replace(/\s*[()]\s*/g, ', ').replace(/"[^"]*"|“[^”]*”|'[^'\s][^']*'/g, (text) => `\u0000${quoted.push(text) - 1}\u0000`);
  const unmask = (text: string) => text.replace(/\u0000(\d+)\u0000/g, (_whole, index: string) => quoted[Number(index)]!);
  const parts = masked.split(/(\s*[,;]\s*(?:(?:and|but|while|whereas|then)\s+)?|\s+(?:and|but|while|whereas)\s+)/i);
  const pieces: Array<{ text: string; separator: string }> = [];
  for (let index = 0; index < parts.length; index += 2) {
    pieces.push({ separator: unmask(parts[index - 1] ?? ''), text: unmask(parts[index]!).trim().replace(/^[:,]\s*/, '').replace(/^(?:also|then|and|plus)\s+/i, '') });
  }
  return pieces.filter((piece) => piece.text !== '');
}
