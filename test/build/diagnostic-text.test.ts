import { describe, expect, it } from 'vitest';
import { flattenMessage, withSandboxHint } from '../../core/build/diagnostic-text.ts';
import { createPositionIndex } from '../../core/build/text-position.ts';

describe('createPositionIndex', () => {
  it('gives 1-based lines and UTF-16 columns, breaking lines where TypeScript does', () => {
    const text = 'ab\r\ncd\ne😀f\rg\u2028h\u2029i';
    const positionOf = createPositionIndex(text);
    expect(positionOf(0)).toEqual({ line: 1, column: 1 });
    expect(positionOf(text.indexOf('d'))).toEqual({ line: 2, column: 2 });
    expect(positionOf(text.indexOf('f'))).toEqual({ line: 3, column: 4 });
    expect(positionOf(text.indexOf('g'))).toEqual({ line: 4, column: 1 });
    expect(positionOf(text.indexOf('h'))).toEqual({ line: 5, column: 1 });
    expect(positionOf(text.indexOf('i'))).toEqual({ line: 6, column: 1 });
    expect(positionOf(text.length + 10)).toEqual({ line: 6, column: 2 });
    expect(createPositionIndex('')(0)).toEqual({ line: 1, column: 1 });
  });
});

describe('diagnostic text', () => {
  it('flattens a chain like tsc, two spaces per level', () => {
    const chain = { text: 'head', messageChain: [{ text: 'child', messageChain: [{ text: 'grandchild' }] }, { text: 'sibling' }] };
    expect(flattenMessage(chain)).toBe('head\n  child\n    grandchild\n  sibling');
  });

  it('replaces install-the-types hints with what the sandbox offers', () => {
    const node = "Cannot find name 'process'. Do you need to install type definitions for node? Try `npm i --save-dev @types/node`.";
    expect(withSandboxHint(2580, node)).toMatch(/^Cannot find name 'process'\. A function sees only ES2022/);
    expect(withSandboxHint(2591, "Cannot find name 'fs'. Do you need ...", { atModuleName: true })).toMatch(
      /^Cannot find module 'fs': Node modules do not exist in the sandbox\./,
    );
    expect(withSandboxHint(2304, "Cannot find name 'fetch'.")).toContain('ctx.http.fetch');
    expect(withSandboxHint(2304, "Cannot find name 'setTimeout'.")).toContain('Node and DOM APIs do not exist there');
    expect(withSandboxHint(2304, "Cannot find name 'usernme'.")).toBe("Cannot find name 'usernme'.");
    expect(withSandboxHint(2322, "Type 'number' is not assignable to type 'string'.")).toBe("Type 'number' is not assignable to type 'string'.");
  });
});
