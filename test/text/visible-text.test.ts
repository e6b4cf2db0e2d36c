// The one place that decides what a person may be shown raw (issue 9, defect 4) and which characters
// make an identity invisible (defects 8 and 10).

import { describe, expect, it } from 'vitest';
import { findInvisibleCharacter, visibleJson, visibleText } from '../../core/text/index.ts';
import { table } from '../../cli/table.ts';

describe('visibleText', () => {
  it.each([
    ['ESC and CSI sequences', 'a\x1b[2K\x1b[1Ab', 'a\\x1b[2K\\x1b[1Ab'],
    ['C1 CSI and DEL', 'a\x9b2Jb\x7f', 'a\\x9b2Jb\\x7f'],
    ['a lone carriage return', 'shown\rhidden', 'shown\\x0dhidden'],
    ['bidi overrides and isolates', 'x\u202ey\u2066z\u2069', 'x\\u202ey\\u2066z\\u2069'],
    ['zero-width characters and the BOM', 'a\u200bb\u200dc\ufeffd', 'a\\u200bb\\u200dc\\ufeffd'],
    ['tag characters beyond the BMP', 'a\u{e0041}b', 'a\\u{e0041}b'],
    ['Hangul filler letters', 'a\u3164b', 'a\\u3164b'],
  ])('escapes %s', (_label, text, shown) => {
    expect(visibleText(text)).toBe(shown);
  });

  it('keeps line breaks and tabs, and turns CRLF into LF', () => {
    expect(visibleText('a\tb\r\nc\nd')).toBe('a\tb\nc\nd');
  });

  it('leaves ordinary text, accents and emoji alone', () => {
    const text = 'Zoë Ångström 東京 ｃａｒｏｌ 👍';
    expect(visibleText(text)).toBe(text);
  });
});

describe('visibleJson', () => {
  it('writes C1, bidi and zero-width characters as \\u escapes and parses back to the same value', () => {
    const value = { text: 'a\x9b\u202e\u200b\x1b\u{e0041}z', nested: ['\u2066'] };
    const json = visibleJson(value, 2);
    expect(json).not.toMatch(/[\x7f-\x9f\u200b\u202e\u2066\x1b]/);
    expect(json).toContain('\\u009b\\u202e\\u200b\\u001b\\udb40\\udc41');
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('findInvisibleCharacter', () => {
  it('names the first one with its position and code point', () => {
    expect(findInvisibleCharacter('ca\u200brol')).toEqual({ index: 2, position: 3, codePoint: 'U+200B' });
    expect(findInvisibleCharacter('😀\u202e')).toMatchObject({ index: 2, position: 2, codePoint: 'U+202E' });
  });

  it('finds nothing in visible text, full-width letters included', () => {
    expect(findInvisibleCharacter('ｃａｒｏｌ Smith-Jones')).toBeUndefined();
  });
});

describe('CLI tables', () => {
  it('escape cells before measuring, so columns stay aligned', () => {
    const lines = table(['name', 'x'], [['a\x1bb', '1'], ['abcdefgh', '2']]).split('\n');
    expect(lines[1]).toBe('a\\x1bb    1');
    expect(lines[1]?.lastIndexOf('1')).toBe(lines[2]?.lastIndexOf('2'));
  });
});
