// Function names are registry keys, file names and MCP arguments, so they are kept to plain kebab-case.

import { JoineryError } from '../errors.ts';

export const FUNCTION_NAME_PATTERN = /^[a-z][a-z0-9-]{0,62}$/;
const MAX_LENGTH = 63;

/** Throws INVALID_INPUT naming exactly what is wrong with the name. */
export function assertFunctionName(name: unknown): asserts name is string {
  const problem = functionNameProblem(name);
  if (problem !== undefined) {
    throw new JoineryError('INVALID_INPUT', `invalid function name: ${problem}`, { field: 'name' });
  }
}

/** Why `name` is not a valid function name, or undefined when it is. */
export function functionNameProblem(name: unknown): string | undefined {
  if (typeof name !== 'string') return `expected a string, got ${name === null ? 'null' : typeof name}`;
  if (name.length === 0) return 'the name is empty';
  const shown = JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name);
  if (name.length > MAX_LENGTH) return `${shown} is ${name.length} characters long; the limit is ${MAX_LENGTH}`;
  const first = name[0]!;
  if (!/[a-z]/.test(first)) return `${shown} must start with a lowercase letter a-z, not ${JSON.stringify(first)}`;
  const offending = [...name].findIndex((char) => !/[a-z0-9-]/.test(char));
  if (offending >= 0) {
    const char = [...name][offending]!;
    return (
      `${shown} contains ${JSON.stringify(char)} at position ${offending + 1}; ` +
      'use only lowercase letters a-z, digits and "-" (kebab-case, e.g. "generate-username")'
    );
  }
  return undefined;
}
