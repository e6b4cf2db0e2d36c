// Tools that steer the conversation: ask the admin (which ends the run until they answer), finish, or give
// up honestly.

import * as z from 'zod';
import { clarifyingQuestionSchema } from '../questions/index.ts';
import { isDone } from '../loop/draft.ts';
import { defineTool } from './tool.ts';

export const askAdminTool = defineTool({
  name: 'ask_admin',
  description: [
    'Ask the admin about one clause of the requirement you cannot settle from the requirement, the directory or the templates,',
    'when its readings behave differently (e.g. "Contractors: prefix c-?" or which channel sends a message).',
    'Give the clause, one short question and 2-5 choices, each with a short key and the one sentence that settles the clause.',
    'This ends your turn: you are run again with the answer as a "Clarification:" line.',
    'Do not ask what a reasonable default settles; record that under assumptions.',
  ].join(' '),
  input: clarifyingQuestionSchema,
  async run(question, session) {
    session.progress(`asking the admin: ${question.question}`);
    session.ended = { kind: 'needs-answer', question };
    return { content: 'The question goes to the admin; you will be run again with their answer.' };
  },
});

export const finishTool = defineTool({
  name: 'finish',
  description: 'Hand over the function. Only accepted when the spec exists and the latest run_fixtures passed for the current function and fixtures.',
  input: z.strictObject({ summary: z.string().min(1).max(2000) }),
  async run({ summary }, session) {
    const { draft } = session;
    if (!isDone(draft)) {
      const why = !draft.spec ? 'there is no spec' : !draft.lastTest ? 'the current function and fixtures have not passed run_fixtures' : 'the latest run_fixtures did not pass';
      return { content: `Cannot finish: ${why}. Fix it and run run_fixtures, or call give_up with the reason.`, isError: true };
    }
    session.ended = { kind: 'finished', summary };
    return { content: 'Finished.' };
  },
});

export const giveUpTool = defineTool({
  name: 'give_up',
  description: 'Stop without a passing function and say exactly why (what part of the requirement could not be met). The draft is kept.',
  input: z.strictObject({ reason: z.string().min(1).max(2000) }),
  async run({ reason }, session) {
    session.ended = { kind: 'gave-up', reason };
    return { content: 'Understood; the draft is kept.' };
  },
});
