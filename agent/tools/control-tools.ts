// Tools that steer the conversation: ask the admin, finish, or give up honestly.

import * as z from 'zod';
import { isDone } from '../loop/draft.ts';
import { defineTool } from './tool.ts';

export const askAdminTool = defineTool({
  name: 'ask_admin',
  description: 'Ask the admin one short clarifying question when the requirement is ambiguous in a way that changes behaviour.',
  input: z.strictObject({ question: z.string().min(1).max(1000) }),
  async run({ question }, session) {
    if (!session.askAdmin) {
      return { content: 'No admin is available in this session. Make the most reasonable assumption, record it under assumptions in the spec, and go on.' };
    }
    session.progress(`asking the admin: ${question}`);
    return { content: `The admin answered: ${await session.askAdmin(question)}` };
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
