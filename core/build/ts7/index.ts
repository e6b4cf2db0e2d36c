// The TypeScript 7 adapter, a module of its own so that nothing loads TypeScript's client until a type-check
// worker (or a test or bench on the calling thread) asks for it: core/build's index does not reach here.

export { createTs7TypeChecker } from './type-checker.ts';
