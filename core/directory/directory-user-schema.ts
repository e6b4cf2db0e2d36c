// What a directory user must look like before it is stored, and how a failure is named: the record index
// and the field ("users[3].status: ..."), so an admin can find the bad line in a 10,000-user import.

import * as z from 'zod';
import { JoineryError } from '../errors.ts';
import type { DirectoryUser } from '../sdk/index.ts';

const notBlank = (maximum: number) =>
  z
    .string()
    .max(maximum, `must be at most ${maximum} characters`)
    .refine((value) => value.trim().length > 0, 'must not be blank');

export const directoryUserSchema = z.strictObject({
  id: notBlank(256),
  username: notBlank(256),
  email: z.string().max(320, 'must be at most 320 characters').default(''),
  displayName: z.string().max(512, 'must be at most 512 characters').default(''),
  employeeId: z.string().max(256, 'must be at most 256 characters').default(''),
  department: z.string().max(256, 'must be at most 256 characters').default(''),
  status: z.enum(['active', 'disabled']).default('active'),
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
