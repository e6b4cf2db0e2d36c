import { createResilientTypeChecker } from './resilient-type-checker.ts';
import { createTs7TypeChecker } from './ts7-type-checker.ts';
import type { TypeChecker, TypeCheckerOptions } from './type-checker.ts';

/**
 * The type-checker composition roots should use: TypeScript 7 in process, warm, restarted once when its
 * native process dies. Throws only when the compiler cannot start or the declarations are invalid.
 */
export function createTypeChecker(options: TypeCheckerOptions = {}): TypeChecker {
  return createResilientTypeChecker({ create: () => createTs7TypeChecker(options) });
}
