// The shapes a secret value takes when a function or an upstream encodes it: what no record, database
// byte, CLI output or MCP result may contain. Deliberately written apart from core/registry/secret-forms.ts.

export function leakedForms(value: string): string[] {
  const base64 = Buffer.from(value, 'utf8').toString('base64');
  const shifted = (prefix: string) => Buffer.from(`${prefix}${value}`, 'utf8').toString('base64');
  return [
    value,
    value.toUpperCase(),
    value.toLowerCase(),
    encodeURIComponent(value),
    new URLSearchParams({ v: value }).toString().slice(2),
    escape(value),
    base64.slice(0, 16),
    base64.replace(/\+/g, '-').replace(/\//g, '_').slice(0, 16),
    // Inside a Basic credential "user:value", the value's base64 depends on the length of what precedes it.
    shifted('a:').slice(4, 20),
    shifted('ab:').slice(4, 20),
    Buffer.from(value, 'utf8').toString('hex'),
    Buffer.from(value, 'utf8').toString('hex').toUpperCase(),
    [...value].reverse().join(''),
    [...value].join('","'),
    [...value].map((character) => character.charCodeAt(0)).join(','),
  ];
}

/** The forms of `value` found in `text`, compared case-insensitively. */
export function formsIn(text: string, value: string): string[] {
  const folded = text.toLowerCase();
  return leakedForms(value).filter((form) => folded.includes(form.toLowerCase()));
}
