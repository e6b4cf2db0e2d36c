// Reading a directory export an admin hands us: JSON (an array of users, or { "users": [...] }) or CSV
// with a header row. Returns validated users, or throws INVALID_INPUT that names the record (and, for
// CSV, the line) and the field.

import { JoineryError } from '../errors.ts';
import type { DirectoryUser } from '../sdk/index.ts';
import { describeRecordField, invalidUsersError, validateDirectoryUsers } from './directory-user-schema.ts';
import { parseCsv, type CsvRecord } from './parse-csv.ts';

const COLUMNS = ['id', 'username', 'email', 'displayName', 'employeeId', 'department', 'status', 'groups'] as const;
type Column = (typeof COLUMNS)[number];

export function parseDirectoryImport(text: string, format: 'json' | 'csv'): DirectoryUser[] {
  if (format === 'json') return parseJsonImport(text);
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

function parseCsvImport(text: string): DirectoryUser[] {
  const [header, ...rows] = parseCsv(text);
  if (header === undefined) throw new JoineryError('INVALID_INPUT', 'CSV is empty: expected a header row');
  const columns = readHeader(header);
  const records = rows.map((row) => toRecord(row, columns));
  const { users, problems } = validateDirectoryUsers(records);
  if (problems.length > 0) {
    throw invalidUsersError(problems, (problem) => {
      const field = problem.field === '' ? '' : `, column ${problem.field.split('.')[0]}`;
      const record = describeRecordField({ index: problem.index, field: '' });
      return `CSV line ${rows[problem.index]!.line} (${record}${field})`;
    });
  }
  return users;
}

function readHeader(header: CsvRecord): Column[] {
  const seen = new Set<Column>();
  return header.fields.map((name, position) => {
    const column = COLUMNS.find((candidate) => columnKey(candidate) === columnKey(name));
    if (column === undefined) {
      const expected = COLUMNS.join(', ');
      fail(header.line, `unknown column ${JSON.stringify(name)} (column ${position + 1}); expected ${expected}`);
    }
    if (seen.has(column)) fail(header.line, `column ${column} appears twice`);
    seen.add(column);
    return column;
  });
}

function toRecord(row: CsvRecord, columns: readonly Column[]): Record<string, unknown> {
  if (row.fields.length !== columns.length) {
    const count = row.fields.length;
    fail(row.line, `${count} field${count === 1 ? '' : 's'}, but the header has ${columns.length}`);
  }
  const record: Record<string, unknown> = {};
  for (const [position, column] of columns.entries()) {
    const value = row.fields[position]!;
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
