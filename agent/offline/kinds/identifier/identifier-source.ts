// The function generated from an identifier rule: the rule as its parameter block, then one reviewed
// body (identifier-body.ts) that carries out every part of the rule language (identifier-rule.ts). Only the
// block varies.

import { PARAMS_END, PARAMS_START } from '../../../templates/index.ts';
import { IDENTIFIER_BODY } from './identifier-body.ts';
import type { IdentifierRule } from './identifier-rule.ts';

export function identifierSource(rule: IdentifierRule): string {
  return [HEADER, PARAMS_START, `const PARAMS: Params = ${JSON.stringify(rule, null, 2)};`, PARAMS_END, IDENTIFIER_BODY].join('\n');
}

const HEADER = `import { defineFunction } from '@joinery/sdk';

/** The identifier rule this function was generated from (see the spec for the requirement it reads). */
interface Params {
  functionName: string;
  /** Name parts in braces: {first} {middle} {last}, initials {f} {m} {l}, first N letters {first:3}, {id:6}. */
  pattern: string;
  fallbackPatterns: string[];
  contractorPattern: string;
  case: 'lower' | 'upper';
  maxLength: number;
  separator: string;
  firstSuffix: number;
  suffixDigits: number;
  maxAttempts: number;
  whenTaken: 'number' | 'error';
  contractorPrefix: string;
  usePreferredName: boolean;
  lastNamePart: 'join' | 'first' | 'last';
  transliterations: Record<string, string>;
  keepDigits: boolean;
  whenPartEmpty: 'error' | 'other-part';
  noNamePrefix: string;
  rehireByEmployeeId: boolean;
  output: 'username' | 'email';
  domain: string;
  contractorDomain: string;
  reuseOwn: boolean;
  keepHyphens: boolean;
  tidySeparators: boolean;
}
`;
