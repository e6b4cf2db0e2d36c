// Answers for `joinery author`: the --answer keys first, as the author's questions come; then the person,
// when stdin and stdout are a terminal and the output is not --json. A script gets the question back.

import { answersFromKeys, type ClarifyingQuestion } from '../../agent/index.ts';
import { createLineReader } from '../line-reader.ts';
import type { Output } from '../output.ts';
import { askQuestion } from './ask-question.ts';

export interface TerminalAnswers {
  answer(question: ClarifyingQuestion): Promise<string | undefined>;
  unmatched: Array<{ key: string; question: string }>;
  close(): void;
}

export function terminalAnswers({ keys, stdin, stdout, output }: {
  keys: readonly string[];
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  output: Output;
}): TerminalAnswers {
  const interactive = !output.json && isTerminal(stdin) && isTerminal(stdout);
  const reader = interactive ? createLineReader(stdin, stdout) : undefined;
  const keyed = answersFromKeys(keys, async (question) => (reader ? askQuestion({ question, reader, output }) : undefined));
  return { answer: keyed.answer, unmatched: keyed.unmatched, close: () => reader?.close() };
}

function isTerminal(stream: NodeJS.ReadableStream | NodeJS.WritableStream): boolean {
  return (stream as { isTTY?: boolean }).isTTY === true;
}
