// Authoring that answers the author's clarifying questions and continues: each answer becomes a
// `Clarification:` line and the author runs again on the clarified requirement. Shared by the terminal
// (`joinery author`), chat and the MCP tool, which differ only in how they find an answer.

import type { AuthorResult } from './author-function.ts';
import { choiceFor, withClarifications, type ClarifyingQuestion } from '../questions/index.ts';

/** Questions answered in one go before the author is stopped with its latest question. */
const MAX_QUESTIONS = 5;

interface AuthoredWithAnswers {
  result: AuthorResult;
  /** The requirement the last run authored: the given one plus its Clarification lines. */
  requirement: string;
  clarifications: string[];
}

export async function authorWithAnswers({
  requirement,
  clarifications = [],
  author,
  answer,
  maxQuestions = MAX_QUESTIONS,
}: {
  requirement: string;
  /** Answers known before the run (a script's --clarify, an earlier call's answers). */
  clarifications?: readonly string[];
  author(requirement: string): Promise<AuthorResult>;
  /** The clarification sentence for a question, or undefined when there is no answer now. */
  answer(question: ClarifyingQuestion): Promise<string | undefined>;
  maxQuestions?: number;
}): Promise<AuthoredWithAnswers> {
  const given = [...clarifications];
  for (let asked = 0; ; asked++) {
    const clarified = withClarifications(requirement, given);
    const result = await author(clarified);
    const done = { result, requirement: clarified, clarifications: given };
    if (result.stop !== 'needs-answer' || !result.question || asked >= maxQuestions) return done;
    const sentence = await answer(result.question);
    if (sentence === undefined) return done;
    given.push(sentence);
  }
}

interface KeyedAnswers {
  answer(question: ClarifyingQuestion): Promise<string | undefined>;
  /** Keys that named no choice of the question they were offered to: reported, never guessed at. */
  unmatched: Array<{ key: string; question: string }>;
}

/** Answers from choice keys given up front (a script's --answer, an MCP call's answers), taken in order as
 *  questions come; past them, or for a key that names no choice, `otherwise` (a person, when one can be asked). */
export function answersFromKeys(
  keys: readonly string[],
  otherwise: (question: ClarifyingQuestion) => Promise<string | undefined>,
): KeyedAnswers {
  const pending = [...keys];
  const unmatched: KeyedAnswers['unmatched'] = [];
  return {
    unmatched,
    async answer(question) {
      const key = pending.shift();
      if (key !== undefined) {
        const choice = choiceFor(question, key);
        if (choice) return choice.clarification;
        unmatched.push({ key, question: question.question });
      }
      return otherwise(question);
    },
  };
}
