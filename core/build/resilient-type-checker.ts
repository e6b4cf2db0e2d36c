// A warm checker that survives its compiler: when a check fails for a reason other than bad input (the
// native process crashed, was killed or closed), the checker is replaced and the check retried once.
// A second failure is broken infrastructure and throws.

import { JoineryError, isJoineryError } from '../errors.ts';
import type { TypeChecker } from './type-checker.ts';

export interface ResilientTypeCheckerOptions {
  /** Makes a fresh checker; called once now and again after each failure. */
  create: () => TypeChecker;
}

export function createResilientTypeChecker({ create }: ResilientTypeCheckerOptions): TypeChecker {
  let current: TypeChecker | undefined = create();
  let closed = false;

  const discard = () => {
    try {
      current?.close();
    } catch {
      // already dead: nothing left to release
    }
    current = undefined;
  };

  return {
    check(source) {
      if (closed) throw new JoineryError('INTERNAL', 'the type-checker is closed');
      try {
        current ??= create();
        return current.check(source);
      } catch (error) {
        if (isJoineryError(error) && error.code === 'INVALID_INPUT') throw error;
        discard();
      }
      try {
        current = create();
        return current.check(source);
      } catch (error) {
        discard();
        const message = error instanceof Error ? error.message : String(error);
        throw isJoineryError(error) && error.code === 'INVALID_INPUT'
          ? error
          : new JoineryError('INTERNAL', `type-checker failed after a restart: ${message}`);
      }
    },
    close() {
      closed = true;
      discard();
    },
  };
}
