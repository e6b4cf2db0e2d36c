// A strict RFC 4180 reader: comma separators (or ";", as spreadsheets in many locales write them), CRLF or
// LF line ends, fields optionally in double quotes with "" for a literal quote and line breaks allowed
// inside. Each record carries the line it starts on, so every later error can point at it. Blank lines are
// skipped; a UTF-8 BOM is ignored.

import { JoineryError } from '../errors.ts';

export interface CsvRecord {
  /** 1-based line on which the record starts. */
  line: number;
  fields: string[];
}

export type CsvDelimiter = ',' | ';';

export function parseCsv(text: string, delimiter: CsvDelimiter = ','): CsvRecord[] {
  const records: CsvRecord[] = [];
  const input = stripBom(text);
  const ends = `${delimiter}\r\n`;
  let line = 1;
  let index = 0;
  while (index < input.length) {
    const start = line;
    const fields: string[] = [];
    let endOfRecord = false;
    while (!endOfRecord) {
      const field = input[index] === '"' ? readQuoted(input, index, line, ends) : readUnquoted(input, index, line, ends);
      fields.push(field.value);
      index = field.next;
      line = field.line;
      const separator = input[index];
      if (separator === delimiter) index++;
      else {
        endOfRecord = true;
        index += separator === '\r' && input[index + 1] === '\n' ? 2 : separator === undefined ? 0 : 1;
        if (separator !== undefined) line++;
      }
    }
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
  }
  return records;
}

interface FieldRead {
  value: string;
  /** Index of the character after the field: a comma, a line break, or the end. */
  next: number;
  line: number;
}

/** "," or ";", whichever separates more fields of the header line (quoted text aside); "," on a tie. */
export function sniffDelimiter(text: string): CsvDelimiter {
  const header = stripBom(text).split(/\r?\n/, 1)[0] ?? '';
  const unquoted = header.replace(/"(?:[^"]|"")*"/g, '');
  const count = (character: string) => unquoted.split(character).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

function stripBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

function readUnquoted(input: string, start: number, line: number, ends: string): FieldRead {
  let index = start;
  while (index < input.length && !ends.includes(input.charAt(index))) {
    if (input[index] === '"') {
      fail(line, 'a double quote inside an unquoted field; put the whole field in quotes and double the quote ("")');
    }
    index++;
  }
  return { value: input.slice(start, index), next: index, line };
}

function readQuoted(input: string, start: number, startLine: number, ends: string): FieldRead {
  let value = '';
  let line = startLine;
  let index = start + 1;
  for (;;) {
    const quote = input.indexOf('"', index);
    if (quote === -1) fail(startLine, 'a quoted field starts here and is never closed');
    const chunk = input.slice(index, quote);
    value += chunk;
    line += countLineBreaks(chunk);
    if (input[quote + 1] === '"') {
      value += '"';
      index = quote + 2;
      continue;
    }
    const next = quote + 1;
    if (next < input.length && !ends.includes(input.charAt(next))) {
      const found = JSON.stringify(input[next]);
      const separator = ends.startsWith(',') ? 'a comma' : 'a semicolon';
      fail(line, `unexpected ${found} after a closing quote; expected ${separator} or the end of the line`);
    }
    return { value, next, line };
  }
}

function countLineBreaks(text: string): number {
  return (text.match(/\r\n|\r|\n/g) ?? []).length;
}

function fail(line: number, problem: string): never {
  throw new JoineryError('INVALID_INPUT', `CSV line ${line}: ${problem}`, { line });
}
