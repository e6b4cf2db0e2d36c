// Answers for `joinery author`: the keys given with --answer, taken in order as the author's questions
// come, then the person at the terminal when there is one. A key that names none of the question's choices
// is not guessed at: it is reported, and the question is asked (or left open for the script).

import { choiceFor, type ClarifyingQuestion } from '../../agent/index.ts';
import type { LineReader } from '../line-reader.ts';
import type { Output } from '../output.ts';
import { askQuestion } from './ask-question.ts';

export interface GivenAnswers {
  answer(question: ClarifyingQuestion): Promise<string | undefined>;
  /** Keys that matched no choice of the question they were offered to. */
  unmatched: string[];
}

export function givenAnswers({ keys, reader, output }: { keys: readonly string[]; reader?: LineReader; output: Output }): GivenAnswers {
  const pending = [...keys];
  const unmatched: string[] = [];
  return {
    unmatched,
    async answer(question) {
      const key = pending.shift();
      if (key !== undefined) {
        const choice = choiceFor(question, key);
        if (choice) {
          output.note(`answered "${question.question}" with ${choice.key}: ${choice.clarification}`);
          return choice.clarification;
        }
        unmatched.push(key);
        output.note(`--answer ${key} is not one of ${question.choices.map((option) => option.key).join(', ')} for "${question.question}"`);
      }
      return reader ? askQuestion({ question, reader, output }) : undefined;
    },
  };
}
