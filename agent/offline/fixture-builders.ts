// Small builders for the fixtures the offline author derives from parameters.

import type { DirectoryUser, Person } from '../../core/sdk/index.ts';

export function person(overrides: Partial<Person> = {}): Person {
  return {
    employeeId: 'E1001',
    firstName: 'John',
    lastName: 'Smith',
    department: 'Engineering',
    employmentType: 'employee',
    startDate: '2026-12-01',
    ...overrides,
  };
}

export function joinedEvent(personFields: Partial<Person> = {}, extra: Record<string, unknown> = {}, id = 'evt-1') {
  return { type: 'user.joined', id, occurredAt: '2026-11-20T09:00:00Z', person: person(personFields), ...extra };
}

export function directoryUser(username: string, index = 0, overrides: Partial<DirectoryUser> = {}): DirectoryUser {
  return {
    id: `u${index + 1}`,
    username,
    email: `${username.toLowerCase()}@example.com`,
    displayName: username,
    employeeId: `E9${String(index).padStart(3, '0')}`,
    department: 'Sales',
    status: 'active',
    groups: [],
    ...overrides,
  };
}

/** "Anna van der Berg" → first "Anna", last "van der Berg". */
export function splitFullName(fullName: string): { firstName: string; lastName: string } {
  const [firstName = '', ...rest] = fullName.trim().split(/\s+/);
  return { firstName, lastName: rest.join(' ') };
}
