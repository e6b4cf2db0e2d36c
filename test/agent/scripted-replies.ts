// Building blocks for scripted Messages API conversations.

import type { ScriptedReply } from '../../agent/index.ts';

let counter = 0;
export const tool = (name: string, input: unknown) => ({ type: 'tool_use' as const, id: `toolu_${++counter}`, name, input });
export const say = (text: string) => ({ type: 'text' as const, text });
export const reply = (...content: ReturnType<typeof tool | typeof say>[]): ScriptedReply => ({ kind: 'message', content, usage: { input: 1000, output: 200 } });

export const SPEC = {
  name: 'greet-joiner',
  summary: 'Returns a greeting for the new joiner.',
  trigger: 'user.joined',
  inputs: ['person.firstName'],
  output: '{ greeting: string }',
  egress: [],
  secrets: [],
  rules: ['Greet the joiner by first name.'],
  edgeCases: ['a name with an apostrophe'],
  assumptions: [],
};

export const sourceReturning = (expression: string) => `import { defineFunction } from '@joinery/sdk';
export default defineFunction({
  name: 'greet-joiner',
  description: 'Greets the joiner.',
  trigger: 'user.joined',
  egress: [],
  secrets: [],
  async run(event) {
    return { greeting: ${expression} };
  },
});
`;

export const GOOD_SOURCE = sourceReturning("'Welcome, ' + event.person.firstName");

export const FIXTURES = [
  {
    name: 'greets by first name',
    input: { type: 'user.joined', id: 'e1', occurredAt: '2026-11-20T09:00:00Z', person: { employeeId: 'E1', firstName: "D'Arcy", lastName: 'Smith', department: 'IT', employmentType: 'employee', startDate: '2026-12-01' } },
    expect: { output: { greeting: "Welcome, D'Arcy" } },
  },
];

/** An ask_admin input the scripted model sends: a yes/no question about one clause. */
export const PREFIX_QUESTION = {
  clause: 'contractors are marked',
  question: 'Contractors: prefix c-?',
  choices: [
    { key: 'y', label: 'yes, prefix c-', clarification: 'Contractor usernames start with c-.' },
    { key: 'n', label: 'no prefix', clarification: 'Contractor usernames get no prefix.' },
  ],
};

/** The model's first turn: write, test and finish (two replies). */
export const writeAndFinish = (source = GOOD_SOURCE) => [
  reply(tool('write_spec', { spec: SPEC }), tool('write_function', { source }), tool('write_fixtures', { fixtures: FIXTURES }), tool('run_fixtures', {})),
  reply(tool('finish', { summary: 'done' })),
];

/** Fixtures for sourceReturning("'Welcome, ' + <prefix> + event.person.firstName")-style greetings. */
export const fixturesGreeting = (greeting: string) => [{ ...FIXTURES[0], expect: { output: { greeting } } }];
