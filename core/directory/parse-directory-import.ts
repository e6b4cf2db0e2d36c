// Reading a directory export an admin hands us: JSON (an array of users, or { "users": [...] }) or CSV
// with a header row, as text or as the file's bytes (which must be valid UTF-8). Returns validated users
// and notes for the admin (columns it ignored), or throws INVALID_INPUT that names the record (and, for
// CSV, the line) and the field. CSV files may separate fields with "," or ";" (sniffed from the header);
// columns Joinery does not read are ignored, since real HR exports carry many more.

import { JoineryError } from '../errors.ts';
import type { DirectoryUser } from '../sdk/index.ts';
import { decodeUtf8 } from '../text/index.ts';
import { describeRecordField, invalidUsersError, validateDirectoryUsers } from './directory-user-schema.ts';
import { parseCsv, sniffDelimiter, type CsvRecord } from './parse-csv.ts';

const COLUMNS = ['id', 'username', 'email', 'displayName', 'employeeId', 'department', 'status', 'groups'] as const;
const REQUIRED_COLUMNS = ['id', 'username'] as const;
type Column = (typeof COLUMNS)[number];

export interface DirectoryImport {
  users: DirectoryUser[];
  /** What was accepted but left out, e.g. columns Joinery does not read. */
  notes: string[];
}

export function parseDirectoryImport(file: string | Uint8Array, format: 'json' | 'csv'): DirectoryImport {
  const text = typeof file === 'string' ? file : decodeUtf8(file, 'the directory file');
  if (format === 'json') return { users: parseJsonImport(text), notes: [] };
  if (format === 'csv') return parseCsvImport(text);
  throw new JoineryError('INVALID_INPUT', `format: expected "json" or "csv", got ${JSON.stringify(format)}`);
}

function parseJsonImport(text: string): DirectoryUser[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new JoineryError('INVALID_INPUT', `invalid JSON: ${(error as Error).message}`);
  }
  const records = Array.isArray(document) ? document : (document as { users?: unknown } | null)?.users;
  if (!Array.isArray(records)) {
    throw new JoineryError('INVALID_INPUT', 'expected a JSON array of users, or an object { "users": [...] }');
  }
  const { users, problems } = validateDirectoryUsers(records);
  if (problems.length > 0) throw invalidUsersError(problems);
  return users;
}

function parseCsvImport(text: string): DirectoryImport {
  const [header, ...rows] = parseCsv(text, sniffDelimiter(text));
  if (header === undefined) throw new JoineryError('INVALID_INPUT', 'CSV is empty: expected a header row');
  const { columns, ignored } = readHeader(header);
  const records = rows.map((row) => toRecord(row, columns));
  const { users, problems } = validateDirectoryUsers(records);
  if (problems.length > 0) {
    throw invalidUsersError(problems, (problem) => {
      const field = problem.field === '' ? '' : `, column ${problem.field.split('.')[0]}`;
      const record = describeRecordField({ index: problem.index, field: '' });
      return `CSV line ${rows[problem.index]?.line ?? '?'} (${record}${field})`;
    });
  }
  const notes = ignored.length === 0 ? [] : [`ignored ${ignored.length} column${ignored.length === 1 ? '' : 's'} Joinery does not read: ${ignored.join(', ')}`];
  return { users, notes };
}

/** Each header cell's column, or undefined for one Joinery does not read (named in `ignored`). */
function readHeader(header: CsvRecord): { columns: Array<Column | undefined>; ignored: string[] } {
  const seen = new Set<Column>();
  const ignored: string[] = [];
  const columns = header.fields.map((name, position) => {
    const column = COLUMNS.find((candidate) => columnKey(candidate) === columnKey(name));
    if (column === undefined) {
      ignored.push(`${JSON.stringify(name)} (column ${position + 1})`);
      return undefined;
    }
    if (seen.has(column)) fail(header.line, `column ${column} appears twice`);
    seen.add(column);
    return column;
  });
  for (const required of REQUIRED_COLUMNS) {
    if (!seen.has(required)) fail(header.line, `the header has no ${required} column; Joinery reads ${COLUMNS.join(', ')}`);
  }
  return { columns, ignored };
}

function toRecord(row: CsvRecord, columns: ReadonlyArray<Column | undefined>): Record<string, unknown> {
  if (row.fields.length !== columns.length) {
    const count = row.fields.length;
    fail(row.line, `${count} field${count === 1 ? '' : 's'}, but the header has ${columns.length}`);
  }
  const record: Record<string, unknown> = {};
  for (const [position, column] of columns.entries()) {
    const value = row.fields[position] ?? '';
    if (column === undefined) continue;
    if (column === 'groups') record.groups = value.split(';').map((group) => group.trim()).filter(Boolean);
    else if (column === 'status') record.status = value.trim() === '' ? undefined : value.trim();
    else record[column] = value;
  }
  return record;
}

/** "Display Name", "display_name" and "displayName" all name the displayName column. */
function columnKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function fail(line: number, problem: string): never {
  throw new JoineryError('INVALID_INPUT', `CSV line ${line}: ${problem}`, { line });
}
