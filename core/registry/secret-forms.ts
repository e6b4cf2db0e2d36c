// Every form of a secret value the host can know, for redaction: the value itself, the ways JSON escapes
// it, the ways URLs, forms and `escape()` encode it, and its base64 and hex bytes. Redaction is the
// backstop: functions never see secret values (core/secret-manifest/secret-placeholders.ts), but upstreams echo
// what they were sent, and a value may reach a record through an operator's own input.

/** Derived forms shorter than this are left out: a short form would match unrelated text everywhere. */
export const MIN_DERIVED_FORM_LENGTH = 8;

export interface SecretForms {
  /** Matched exactly, whatever their length. */
  exact: string[];
  /** Matched in any letter case (`%7e` and `%7E`, upper-cased values, upper-case hex). */
  anyCase: string[];
}

export function secretForms(value: string): SecretForms {
  const exact = [value, ...jsonEscapedForms(value), ...uriComponentForm(value)];
  const derived = [...urlForms(value), ...base64Forms(value), Buffer.from(value, 'utf8').toString('hex')];
  const long = (form: string) => form.length >= MIN_DERIVED_FORM_LENGTH;
  return {
    exact: unique(exact.filter((form) => form.length > 0)),
    anyCase: unique([...exact, ...derived].filter(long)),
  };
}

/** The value as it stands inside a JSON string, a JSON string inside that, and so on, and \u-escaped. */
function jsonEscapedForms(value: string): string[] {
  const forms: string[] = [];
  let escaped = value;
  for (let depth = 0; depth < 3; depth++) {
    escaped = JSON.stringify(escaped).slice(1, -1);
    forms.push(escaped);
  }
  forms.push(escapeNonAscii(JSON.stringify(value).slice(1, -1)));
  return forms;
}

function uriComponentForm(value: string): string[] {
  try {
    return [encodeURIComponent(value)];
  } catch {
    return []; // a lone surrogate has no URL-encoded form
  }
}

/** encodeURI, a form body (URLSearchParams: `+` for space, `%7E` for `~`), escape(). */
function urlForms(value: string): string[] {
  const forms = [new URLSearchParams([['', value]]).toString().slice(1), escape(value)];
  try {
    forms.push(encodeURI(value));
  } catch {
    // A lone surrogate has no URL-encoded form.
  }
  return forms;
}

/**
 * The base64 characters that stand for the value wherever it starts in a longer byte string (a Basic
 * credential "user:value" puts it at any of the three alignments), standard and URL-safe alphabets.
 */
function base64Forms(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const forms: string[] = [];
  for (const offset of [0, 1, 2]) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    // Characters wholly inside the value's bits: 6-bit groups after the offset's bytes, before its end.
    const inner = encoded.slice(Math.ceil((offset * 8) / 6), Math.floor(((offset + bytes.length) * 8) / 6));
    forms.push(inner, inner.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return forms;
}

function escapeNonAscii(text: string): string {
  return text.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function unique(forms: string[]): string[] {
  return [...new Set(forms)];
}
