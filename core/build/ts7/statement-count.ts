// Counts statements the way the TypeScript parser sees them, for the maxStatements limit. The tree comes
// from tsgo's parse, before any type is checked.

import type { Node } from 'typescript/unstable/ast';
import { isStatement } from 'typescript/unstable/ast/is';

/**
 * Every statement in the tree, nested ones, blocks and declarations included. Iterative, so a deeply
 * nested file cannot overflow the stack.
 */
export function countStatements(root: Node): number {
  let count = 0;
  const pending: Node[] = [root];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (isStatement(node)) count += 1;
    node.forEachChild((child) => {
      pending.push(child);
    });
  }
  return count;
}

/**
 * Whether a source of this length could exceed `maxStatements`: every statement holds at least one
 * character of its own (`;`, a keyword, a brace, an expression), so a shorter source never needs a count.
 */
export function mayExceedStatements(source: string, maxStatements: number): boolean {
  return source.length > maxStatements;
}
