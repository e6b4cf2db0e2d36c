// Reads the JSON-like objects admins write into requirements: unquoted keys, "double" or 'single' quoted
// strings, numbers, true/false/null, <placeholders> (alone or inside text such as <startDate>T08:00:00Z),
// shorthand keys ({ text }) and nested objects and arrays. A value it cannot read makes the whole object
// unreadable (undefined): nothing is guessed.

export type Loose = string | number | boolean | null | Loose[] | { [key: string]: Loose };

/** A bare key written alone ({ number, sys_id }): its value is unknown, marked so. */
export const SHORTHAND = '<shorthand>';

/** The object (or array) starting at `text[start]`, and where it ends; undefined when it does not read. */
export function readObject(text: string, start: number): { value: Loose; end: number } | undefined {
  const reader = { text, at: start };
  try {
    const value = readValue(reader);
    return { value, end: reader.at };
  } catch {
    return undefined;
  }
}

interface Reader {
  text: string;
  at: number;
}

function skipSpace(reader: Reader): void {
  while (/\s/.test(reader.text[reader.at] ?? '')) reader.at++;
}

function readValue(reader: Reader): Loose {
  skipSpace(reader);
  const character = reader.text[reader.at];
  if (character === '{') return readEntries(reader);
  if (character === '[') return readItems(reader);
  if (character === '"' || character === "'" || character === '“') return readQuoted(reader);
  // A bare value: up to the next , } ] at this level; "<startDate>T08:00:00Z", 600, true.
  const rest = reader.text.slice(reader.at);
  const bare = /^(?:<[^<>\n]{1,60}>|[^,{}[\]<>\n"])+/.exec(rest);
  if (!bare) throw new Error('no value');
  reader.at += bare[0].length;
  const word = bare[0].trim();
  if (word === 'true' || word === 'false') return word === 'true';
  if (word === 'null') return null;
  if (/^-?\d+(?:\.\d+)?$/.test(word)) return Number(word);
  return word;
}

function readQuoted(reader: Reader): string {
  const open = reader.text[reader.at];
  const close = open === '“' ? '”' : open;
  const end = reader.text.indexOf(close ?? '"', reader.at + 1);
  if (end < 0) throw new Error('unclosed quote');
  const inside = reader.text.slice(reader.at + 1, end);
  reader.at = end + 1;
  return inside;
}

function readEntries(reader: Reader): { [key: string]: Loose } {
  reader.at++;
  const entries: { [key: string]: Loose } = {};
  for (;;) {
    skipSpace(reader);
    if (reader.text[reader.at] === '}') {
      reader.at++;
      return entries;
    }
    const key = /^(?:"([^"]+)"|'([^']+)'|([A-Za-z_$][\w$-]*))/.exec(reader.text.slice(reader.at));
    if (!key) throw new Error('no key');
    reader.at += key[0].length;
    const name = key[1] ?? key[2] ?? key[3] ?? '';
    skipSpace(reader);
    if (reader.text[reader.at] === ':') {
      reader.at++;
      entries[name] = readValue(reader);
    } else {
      entries[name] = SHORTHAND;
    }
    skipSpace(reader);
    if (reader.text[reader.at] === ',') reader.at++;
    else if (reader.text[reader.at] !== '}') throw new Error('expected , or }');
  }
}

function readItems(reader: Reader): Loose[] {
  reader.at++;
  const items: Loose[] = [];
  for (;;) {
    skipSpace(reader);
    if (reader.text[reader.at] === ']') {
      reader.at++;
      return items;
    }
    items.push(readValue(reader));
    skipSpace(reader);
    if (reader.text[reader.at] === ',') reader.at++;
    else if (reader.text[reader.at] !== ']') throw new Error('expected , or ]');
  }
}
