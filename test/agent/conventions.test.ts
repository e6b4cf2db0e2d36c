// The conventions text (docs/conventions.md): at most 3 KB, in the author's system prompt instead of whole
// templates, and its examples true: the transliteration snippet, the Basic credential, the Graph path.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { conventionsText, loadTemplates } from '../../agent/index.ts';
import { buildSystemPrompt } from '../../agent/loop/system-prompt.ts';

const text = conventionsText();
const templates = loadTemplates(fileURLToPath(new URL('../../templates', import.meta.url)));

describe('the conventions', () => {
  it('fit in 3 KB and are the file docs/conventions.md', () => {
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(3 * 1024);
    expect(text).toBe(readFileSync(new URL('../../docs/conventions.md', import.meta.url), 'utf8'));
  });

  it('are in the system prompt, which no longer carries whole templates', () => {
    const prompt = buildSystemPrompt(templates).map((part) => part.text).join('\n');
    expect(prompt).toContain(text);
    expect(prompt).not.toContain('joinery:params:start');
    expect(prompt).toContain('read_template: approvals, apps, email');
    // Measured: 74,782 bytes with the username and tap templates, 28,293 with the conventions instead.
    expect(Buffer.byteLength(prompt)).toBeLessThan(40_000);
  });

  it('give a transliteration snippet that does what the text says', () => {
    const snippet = /```ts\n([\s\S]*?)```/.exec(text)?.[1] ?? '';
    const { code } = transformSync(`${snippet}\nreturn ascii;`, { loader: 'ts' });
    const ascii = new Function(code)() as (name: string) => string;
    const examples: Array<[string, string]> = [
      ["O'Brien", 'obrien'], ['Smith-Jones', 'smithjones'], ['Zoë', 'zoe'], ['Müller', 'muller'], ['Øystein', 'oeystein'], ['Straße', 'strasse'],
      ['Łukasz', 'lukasz'], ['Æsir', 'aesir'], ['Đorđe', 'dorde'], ['Þór', 'thor'], ['Ñúñez', 'nunez'], ['李', ''],
    ];
    expect(examples.map(([name]) => [name, ascii(name)])).toEqual(examples);
  });

  it('show a Basic credential and a Graph path the way the host and WHATWG URL make them', () => {
    expect(text).toContain(`"authorization": "Basic ${btoa('svc-joinery:t')}"`);
    const segment = encodeURIComponent('ana_x.com#EXT#@t.onmicrosoft.com').replace(/%40/g, '@');
    expect(text).toContain(`.../v1.0/users/${segment}`);
    expect(new URL(`https://graph.microsoft.com/v1.0/users/${segment}`).pathname).toBe(`/v1.0/users/${segment}`);
  });
});
