// Fixtures arrive as an array (as get_function returns them) or as JSON text (a fixture file); the
// pipeline reads text, so arrays are written out here, within the same size limit.

import { JoineryError } from '../../core/errors.ts';
import { MAX_FIXTURES_CHARS } from './schemas.ts';

export function fixturesToText(fixtures: string | unknown[]): string {
  if (typeof fixtures === 'string') return fixtures;
  let text: string;
  try {
    text = JSON.stringify(fixtures, null, 2);
  } catch {
    throw new JoineryError('INVALID_INPUT', 'fixtures: not a JSON array');
  }
  if (text.length > MAX_FIXTURES_CHARS) throw new JoineryError('INVALID_INPUT', `fixtures: ${text.length} characters as JSON; the limit is ${MAX_FIXTURES_CHARS}`);
  return text;
}
