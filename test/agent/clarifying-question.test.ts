// The author asks instead of guessing: ask_admin ends the loop with stop 'needs-answer' and the question,
// a malformed question is a tool error the model reads (not a crash), and answering runs the author again
// on the requirement plus one `Clarification:` line per answer.

import { afterAll, describe, expect, it } from 'vitest';
import {
  answersFromKeys,
  authorFunction,
  authorWithAnswers,
  choiceFor,
  createScriptedClient,
  splitAnswers,
  withClarifications,
  type ModelClient,
  type ScriptedReply,
} from '../../agent/index.ts';
import { createRealToolchain } from '../helpers/real-toolchain.ts';
import { PREFIX_QUESTION, reply, tool, writeAndFinish } from './scripted-replies.ts';

const toolchain = createRealToolchain();
afterAll(() => toolchain.close());
const REQUIREMENT = 'Greet new joiners by first name; contractors are marked.';
const NO_PREFIX = { key: 'n', label: 'no prefix', clarification: 'Contractor usernames get no prefix.' };
const authorOnce = (model: ModelClient) => (requirement: string) => authorFunction({ requirement, model, toolchain, templates: [] });

async function withModel<T>(replies: ScriptedReply[], use: (model: Awaited<ReturnType<typeof createScriptedClient>>) => Promise<T>) {
  const model = await createScriptedClient({ replies });
  try {
    return await use(model);
  } finally {
    await model.close?.();
  }
}

describe('ask_admin', () => {
  it('ends the loop with needs-answer, the question, and ok false', async () => {
    const result = await withModel([reply(tool('ask_admin', PREFIX_QUESTION)), ...writeAndFinish()], (model) =>
      authorFunction({ requirement: REQUIREMENT, model, toolchain, templates: [] }));
    expect(result).toMatchObject({ ok: false, stop: 'needs-answer', turns: 1, question: PREFIX_QUESTION });
    expect(result.reason).toContain('Contractors: prefix c-?');
  });

  it.each([
    ['one choice', { ...PREFIX_QUESTION, choices: PREFIX_QUESTION.choices.slice(0, 1) }, 'choices'],
    ['six choices', { ...PREFIX_QUESTION, choices: 'abcdef'.split('').map((key) => ({ key, label: key, clarification: key })) }, 'choices'],
    ['duplicate keys', { ...PREFIX_QUESTION, choices: [PREFIX_QUESTION.choices[0], PREFIX_QUESTION.choices[0]] }, 'unique'],
    ['a key that is a sentence', { ...PREFIX_QUESTION, choices: [{ key: 'Yes please', label: 'y', clarification: 'y' }, NO_PREFIX] }, 'short lowercase word'],
    ['no clause', { question: 'Which?', choices: PREFIX_QUESTION.choices }, 'clause'],
  ])('%s is a tool error the model reads, and the loop goes on', async (_name, input, mentioned) => {
    const { result, requests } = await withModel([reply(tool('ask_admin', input)), ...writeAndFinish()], async (model) => ({
      result: await authorFunction({ requirement: REQUIREMENT, model, toolchain, templates: [] }),
      requests: model.api.requests,
    }));
    expect(result).toMatchObject({ ok: true, stop: 'finished' });
    expect(result.question).toBeUndefined();
    const feedback = JSON.stringify(requests[1]?.body.messages);
    expect(feedback).toContain('Invalid input for ask_admin');
    expect(feedback).toContain(mentioned);
  });

  it('is offered to the model with a description of when to use it, and the system prompt says so', async () => {
    const requests = await withModel(writeAndFinish(), async (model) => {
      await authorFunction({ requirement: REQUIREMENT, model, toolchain, templates: [] });
      return model.api.requests;
    });
    const tools = requests[0]?.body.tools as Array<{ name: string; description: string; input_schema: { required: string[] } }>;
    const askAdmin = tools.find((candidate) => candidate.name === 'ask_admin');
    expect(askAdmin?.description).toContain('cannot settle');
    expect(askAdmin?.input_schema.required).toEqual(['clause', 'question', 'choices']);
    expect(JSON.stringify(requests[0]?.body.system)).toContain('call ask_admin instead of guessing or giving up');
  });
});

describe('answering', () => {
  it('withClarifications adds one line per answer; choiceFor reads a key or a number', () => {
    expect(withClarifications('Greet joiners.\n', ['Contractor usernames\nstart with c-.', ' ', 'Use Slack.'])).toBe(
      'Greet joiners.\nClarification: Contractor usernames start with c-.\nClarification: Use Slack.',
    );
    expect(choiceFor(PREFIX_QUESTION, ' Y ')?.key).toBe('y');
    expect(choiceFor(PREFIX_QUESTION, '2')?.key).toBe('n');
    expect(choiceFor(PREFIX_QUESTION, '3')).toBeUndefined();
    expect(choiceFor(PREFIX_QUESTION, 'maybe')).toBeUndefined();
  });

  it('splitAnswers tells keys from sentences; answersFromKeys uses keys in order and reports one that names no choice', async () => {
    expect(splitAnswers(['Y', 'slack', 'Use Slack for this.', 'Slack!'])).toEqual({ keys: ['Y', 'slack'], sentences: ['Use Slack for this.', 'Slack!'] });
    const asked: string[] = [];
    const answers = answersFromKeys(['n', 'maybe'], async (question) => {
      asked.push(question.question);
      return undefined;
    });
    expect(await answers.answer(PREFIX_QUESTION)).toBe('Contractor usernames get no prefix.');
    expect(await answers.answer(PREFIX_QUESTION)).toBeUndefined();
    expect(await answers.answer(PREFIX_QUESTION)).toBeUndefined();
    expect(answers.unmatched).toEqual([{ key: 'maybe', question: 'Contractors: prefix c-?' }]);
    expect(asked).toHaveLength(2); // after the unmatched key, and past the keys
  });

  it('authorWithAnswers runs the author again on the clarified requirement', async () => {
    const asked: string[] = [];
    const { outcome, requests } = await withModel([reply(tool('ask_admin', PREFIX_QUESTION)), ...writeAndFinish()], async (model) => ({
      outcome: await authorWithAnswers({
        requirement: REQUIREMENT,
        author: (requirement) => authorFunction({ requirement, model, toolchain, templates: [] }),
        answer: async (question) => {
          asked.push(question.question);
          return choiceFor(question, 'y')?.clarification;
        },
      }),
      requests: model.api.requests,
    }));
    expect(asked).toEqual(['Contractors: prefix c-?']);
    expect(outcome.result).toMatchObject({ ok: true, stop: 'finished' });
    expect(outcome.requirement).toBe(`${REQUIREMENT}\nClarification: Contractor usernames start with c-.`);
    // The second run is a new conversation whose first message is the clarified requirement.
    const second = (requests[1]?.body.messages ?? []) as Array<{ content: unknown }>;
    expect(second[0]?.content).toBe(outcome.requirement);
  });

  it('stops with the question when there is no answer, or after too many questions', async () => {
    const unanswered = await withModel([reply(tool('ask_admin', PREFIX_QUESTION))], (model) =>
      authorWithAnswers({ requirement: REQUIREMENT, author: authorOnce(model), answer: async () => undefined }));
    expect(unanswered.result).toMatchObject({ stop: 'needs-answer', question: PREFIX_QUESTION });
    expect(unanswered.clarifications).toEqual([]);
    const asking = [1, 2, 3].map(() => reply(tool('ask_admin', PREFIX_QUESTION)));
    const stubborn = await withModel(asking, (model) =>
      authorWithAnswers({ requirement: REQUIREMENT, maxQuestions: 2, author: authorOnce(model), answer: async () => 'Contractor usernames start with c-.' }));
    expect(stubborn.result.stop).toBe('needs-answer');
    expect(stubborn.clarifications).toHaveLength(2);
  });
});
