// Asks the author's clarifying question at the terminal and returns the sentence that settles it: the
// chosen choice's clarification, or the admin's own sentence. Undefined when they skip it (an empty line
// or a slash command) or the input ends; the caller then keeps the question open.

import { choiceFor, type ClarifyingQuestion } from '../../agent/index.ts';
import type { LineReader } from '../line-reader.ts';
import type { Output } from '../output.ts';

const ATTEMPTS = 3;

function showQuestion(question: ClarifyingQuestion, output: Output): void {
  output.line();
  output.line(`? ${question.question}`, 'question');
  output.line(`  (about: "${question.clause}")`, 'quiet');
  for (const [index, choice] of question.choices.entries()) output.line(`  ${index + 1}) [${choice.key}] ${choice.label}`);
}

export async function askQuestion({ question, reader, output }: {
  question: ClarifyingQuestion;
  reader: LineReader;
  output: Output;
}): Promise<string | undefined> {
  showQuestion(question, output);
  const keys = question.choices.map((choice) => choice.key).join('/');
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const typed = await reader.next(`answer [${keys}, a number, your own sentence, or empty to skip]> `);
    const text = typed?.trim() ?? '';
    if (text === '') return undefined;
    if (text.startsWith('/')) {
      output.line(`The question stays open; type ${text} again at rule>.`, 'warning');
      return undefined;
    }
    const choice = choiceFor(question, text);
    if (choice) {
      output.line(`  → ${choice.clarification}`, 'quiet');
      return choice.clarification;
    }
    // A sentence of their own: at least two words, so a mistyped key is not taken for an answer.
    if (/\S\s+\S/.test(text)) return text;
    output.line(`"${text}" is not one of ${keys}.`, 'warning');
  }
  return undefined;
}

/** The question left open for a script, and the flags that answer it on the next call. */
export function showOpenQuestion(question: ClarifyingQuestion, output: Output): void {
  showQuestion(question, output);
  const keys = question.choices.map((choice) => choice.key).join('|');
  output.line(`Answer and continue: the same command with --answer <${keys}>, or --clarify "<your sentence>".`);
}
