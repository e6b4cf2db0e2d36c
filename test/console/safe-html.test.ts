// The console's one way to write HTML: every naughty string interpolated comes out as text, with no
// markup of its own and no invisible character; only the html template makes SafeHtml.

import { describe, expect, it } from 'vitest';
import { escapeHtml, html, joinHtml, SafeHtml } from '../../server/console/html/safe-html.ts';
import { highlightLine } from '../../server/console/html/highlight.ts';
import { findInvisibleCharacter } from '../../core/text/index.ts';
import { NAUGHTY_STRINGS } from '../helpers/naughty-strings.ts';


describe('html', () => {
  it.each(NAUGHTY_STRINGS.map((text) => [text]))('writes %j as text', (text) => {
    for (const rendered of [html`<td title="${text}">${text}</td>`.text, highlightLine(text).text]) {
      const inner = rendered.replace(/^<td title="/, '').replace(/<\/?span( class="tok-[a-z]+")?>/g, '');
      expect(inner.replace(/">/, '').replace(/<\/td>$/, '')).not.toMatch(/[<>"']/);
      expect(findInvisibleCharacter(rendered)).toBeUndefined();
    }
  });

  it('keeps SafeHtml and lists, escapes everything else, and cannot be forged', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p>${inner}${['<', html`<br>`]}${null}${undefined}${false}${3}</p>`.text).toBe('<p><b>&lt;i&gt;</b>&lt;<br>3</p>');
    expect(joinHtml(['a&b', html`<hr>`], ' & ').text).toBe('a&amp;b &amp; <hr>');
    expect(() => new SafeHtml(Symbol('SafeHtml'), '<script>')).toThrow(TypeError);
    expect(escapeHtml('\u001b[2K\u202e')).toBe('\\x1b[2K\\u202e');
  });
});
