// Small builders for fixture tests in these suites: a valid test case and directory user, overridable.

import type { FixtureTest } from '../../core/fixtures/index.ts';
import type { DirectoryUser } from '../../core/sdk/index.ts';

export function joinerInput(person: Record<string, unknown> = {}): FixtureTest['input'] {
  return {
    type: 'user.joined',
    id: 'evt-1',
    occurredAt: '2026-11-20T09:00:00Z',
    person: {
      employeeId: 'E1001',
      firstName: 'John',
      lastName: 'Smith',
      department: 'Engineering',
      employmentType: 'employee',
      startDate: '2026-12-01',
      ...person,
    },
  };
}

export function fixture(overrides: Partial<FixtureTest> = {}): FixtureTest {
  return { name: 'a test', input: joinerInput(), ...overrides };
}

export function directoryUser(username: string, overrides: Partial<DirectoryUser> = {}): DirectoryUser {
  return {
    id: `id-${username}`,
    username,
    email: `${username}@example.com`,
    displayName: username,
    employeeId: `E-${username}`,
    department: 'Sales',
    status: 'active',
    groups: [],
    ...overrides,
  };
}
