// What a directory user must look like before it is stored, and how a failure is named: the record index
// and the field ("users[3].status: ..."), so an admin can find the bad line in a 10,000-user import.

import * as z from 'zod';
import { JoineryError } from '../errors.ts';
import type { DirectoryUser } from '../sdk/index.ts';
import { textFieldCheck, type TextFieldKind } from './text-field-rules.ts';

const text = (maximum: number, kind: TextFieldKind) =>
  z.string().max(maximum, `must be at most ${maximum} characters`).superRefine(textFieldCheck(kind));

const notBlank = (maximum: number) =>
  text(maximum, 'identifier').refine((value) => value.trim().length > 0, 'must not be blank');

/** "Active", " DISABLED " and "active" are one status: HR exports capitalise as they like. */
const status = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
  z.enum(['active', 'disabled', 'provisioned']),
);

export const directoryUserSchema = z.strictObject({
  id: notBlank(256),
  username: notBlank(256),
  email: text(320, 'identifier').default(''),
  displayName: text(512, 'free-text').default(''),
  employeeId: text(256, 'identifier').default(''),
  department: text(256, 'free-text').default(''),
  status: status.default('active'),
  groups: z.array(notBlank(256)).default([]),
});

export interface UserProblem {
  index: number;
  /** The path inside the record, e.g. 'groups.1', or '' for the record itself. */
  field: string;
  message: string;
}

/** Validates every record; returns the users, or the problems of every invalid record. */
export function validateDirectoryUsers(records: readonly unknown[]): {
  users: DirectoryUser[];
  problems: UserProblem[];
} {
  const users: DirectoryUser[] = [];
  const problems: UserProblem[] = [];
  for (const [index, record] of records.entries()) {
    const result = directoryUserSchema.safeParse(record);
    if (result.success) users.push(result.data);
    else {
      for (const issue of result.error.issues) {
        problems.push({ index, field: issue.path.map(String).join('.'), message: issue.message });
      }
    }
  }
  return problems.length > 0 ? { users: [], problems } : { users, problems };
}

const PROBLEMS_IN_MESSAGE = 10;

/** The INVALID_INPUT error for problems, each named `users[3].status: ...`; all of them are in details. */
export function invalidUsersError(problems: readonly UserProblem[], describe = describeRecordField): JoineryError {
  const lines = problems.slice(0, PROBLEMS_IN_MESSAGE).map((problem) => `${describe(problem)}: ${problem.message}`);
  const more = problems.length - PROBLEMS_IN_MESSAGE;
  const message = lines.join('; ') + (more > 0 ? `; and ${more} more` : '');
  return new JoineryError('INVALID_INPUT', message, { problems });
}

export function describeRecordField({ index, field }: Pick<UserProblem, 'index' | 'field'>): string {
  const path = field === '' ? '' : `.${field.replace(/\.(\d+)(?=\.|$)/g, '[$1]')}`;
  return `users[${index}]${path}`;
}
