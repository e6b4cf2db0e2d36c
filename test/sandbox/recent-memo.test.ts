// recentMemo: a bundle is hashed once while it stays among the last few, and never answered with another
// bundle's result.
import { describe, expect, it } from 'vitest';
import { recentMemo } from '../../sandbox/recent-memo.ts';

describe('recentMemo', () => {
  it('computes once per arguments while they are recent, and again after they fall out', () => {
    const calls: string[] = [];
    const upper = recentMemo((text: string, suffix: string | undefined) => {
      calls.push(`${text}|${suffix}`);
      return text.toUpperCase() + (suffix ?? '');
    }, 2);
    expect([upper('a', '!'), upper('a', '!'), upper('a', undefined), upper('b', '!')]).toEqual(['A!', 'A!', 'A', 'B!']);
    expect(calls).toEqual(['a|!', 'a|undefined', 'b|!']);
    expect(upper('a', '!')).toBe('A!'); // pushed out by the two after it: computed again
    expect(calls).toHaveLength(4);
    expect(upper('b', '!')).toBe('B!'); // still recent
    expect(calls).toHaveLength(4);
  });

  it('finds equal strings built apart (another object, the same text)', () => {
    let calls = 0;
    const length = recentMemo((text: string) => ++calls && text.length);
    const pieces = ['bund', 'le'];
    expect(length('bundle')).toBe(6);
    expect(length(pieces.join(''))).toBe(6);
    expect(calls).toBe(1);
  });
});
