// A clarifying question the author asks instead of giving up: one clause of the requirement it cannot
// settle, and 2-5 choices, each with the one sentence that settles it. Answering never resumes a paused
// loop: the author runs again on the requirement followed by one `Clarification: <sentence>` line per
// answer (withClarifications), so a terminal, a chat, a script and an MCP client all continue the same way.

import * as z from 'zod';

/** Short words a person can type or a script can pass: "y", "n", "slack", "sendgrid", "graph". */
const CHOICE_KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,15}$/;

export const clarifyingQuestionSchema = z.strictObject({
  clause: z.string().min(1).max(500).describe('the words of the requirement the question settles'),
  question: z.string().min(1).max(300).describe('one short question for the admin'),
  choices: z
    .array(
      z.strictObject({
        key: z.string().regex(CHOICE_KEY_PATTERN, 'a short lowercase word, e.g. "y", "n", "slack"').describe('what the admin types'),
        label: z.string().min(1).max(120),
        clarification: z.string().min(1).max(300).describe('one plain sentence that, appended to the requirement, settles the clause'),
      }),
    )
    .min(2)
    .max(5)
    .refine((choices) => new Set(choices.map((choice) => choice.key)).size === choices.length, 'choice keys must be unique'),
});

export type ClarifyingQuestion = z.infer<typeof clarifyingQuestionSchema>;
type ClarifyingChoice = ClarifyingQuestion['choices'][number];

/** The requirement followed by one `Clarification:` line per answer, each on one line. */
export function withClarifications(requirement: string, clarifications: readonly string[]): string {
  const lines = clarifications.map((sentence) => sentence.replace(/\s+/g, ' ').trim()).filter((sentence) => sentence !== '');
  return [requirement.trimEnd(), ...lines.map((sentence) => `Clarification: ${sentence}`)].join('\n');
}

/** The choice an answer names: its key (any case) or its 1-based number; undefined for anything else. */
export function choiceFor(question: ClarifyingQuestion, answer: string): ClarifyingChoice | undefined {
  const typed = answer.trim().toLowerCase();
  const byKey = question.choices.find((choice) => choice.key === typed);
  if (byKey) return byKey;
  const number = /^[1-9]$/.test(typed) ? Number(typed) : 0;
  return question.choices[number - 1];
}

/** Answers given as one list: short words (any case) are choice keys, used as questions come; anything
 *  else is a sentence of the person's own, added to the requirement as a clarification. */
export function splitAnswers(answers: readonly string[]): { keys: string[]; sentences: string[] } {
  const isKey = (answer: string) => CHOICE_KEY_PATTERN.test(answer.trim().toLowerCase());
  return { keys: answers.filter(isKey).map((answer) => answer.trim()), sentences: answers.filter((answer) => !isKey(answer)) };
}
