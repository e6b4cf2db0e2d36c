// The names of people who publish, review, activate and run: the four-eyes rule compares them, so two
// spellings of one person must compare equal, and a name must not hide a character that makes it look
// like someone else's. One place for both rules; the registry, the token store and the CLI use it.

import { JoineryError } from '../errors.ts';
import { findInvisibleCharacter, INVISIBLE_CHARACTERS } from '../text/index.ts';

export const MAX_ACTOR_NAME_LENGTH = 200;

/**
 * How the acting person was established, recorded with each version and review: the OS account running
 * the CLI, JOINERY_USER, an `--as` the config's `localTrust` allowed, or an MCP bearer token's name.
 */
export type ActorSource = 'os-user' | 'env' | 'as-flag-local-trust' | 'mcp-token';
export const ACTOR_SOURCES: readonly ActorSource[] = ['os-user', 'env', 'as-flag-local-trust', 'mcp-token'];

/**
 * The form names are compared in: Unicode compatibility folding (full-width "ｃａｒｏｌ" is "carol"),
 * invisible characters removed (names stored before they were refused still match), trimmed, and
 * case-folded ("Carol" is "carol", "STRAUSS" is "Strauß").
 */
export function actorKey(name: string): string {
  const folded = name.normalize('NFKC').replace(INVISIBLE_CHARACTERS, '').trim().toUpperCase().toLowerCase();
  return folded.normalize('NFKC');
}

/** True when both are set and name the same person. */
export function sameActor(left: string | null, right: string | null): boolean {
  if (left === null || right === null) return false;
  return actorKey(left) === actorKey(right);
}

/** Why `name` cannot name a person, or undefined when it can. */
export function actorNameProblem(name: unknown): string | undefined {
  if (typeof name !== 'string') return `expected a string, got ${name === null ? 'null' : typeof name}`;
  if (name.trim().length === 0) return 'must not be empty';
  if (name.length > MAX_ACTOR_NAME_LENGTH) return `is ${name.length} characters; the limit is ${MAX_ACTOR_NAME_LENGTH}`;
  const invisible = findInvisibleCharacter(name);
  if (invisible !== undefined) {
    return `contains an invisible or control character (${invisible.codePoint}) at position ${invisible.position}; ` +
      'a name with one could pass for someone else\'s in the four-eyes check';
  }
  return undefined;
}

/** Returns the name, or throws INVALID_INPUT naming the field and the problem. */
export function requireActorName(name: unknown, field: string): string {
  const problem = actorNameProblem(name);
  if (problem !== undefined) throw new JoineryError('INVALID_INPUT', `${field}: ${problem}`, { field });
  return name as string;
}

export function optionalActorSource(value: unknown): ActorSource | null {
  if (value === undefined || value === null) return null;
  if (ACTOR_SOURCES.includes(value as ActorSource)) return value as ActorSource;
  throw new JoineryError('INVALID_INPUT', `actorSource: expected one of ${ACTOR_SOURCES.join(', ')}`, { field: 'actorSource' });
}
