// One chat turn: author what the admin typed on top of the current draft, asking the author's clarifying
// questions inline and continuing with each answer, then record the turn with its verdict.

import { authorFunction, authorWithAnswers, type ModelClient, type TemplateEntry } from '../../agent/index.ts';
import type { Toolchain } from '../../core/pipeline/index.ts';
import type { LineReader } from '../line-reader.ts';
import type { Output } from '../output.ts';
import { createProgress } from '../progress.ts';
import { askQuestion } from './ask-question.ts';
import type { ChatSession, ChatTurn } from './chat-session.ts';

export interface ChatParts {
  model: ModelClient;
  toolchain(): Promise<Toolchain>;
  templates: TemplateEntry[];
  /** The function name the admin chose with --name. */
  name?: string;
  reader: LineReader;
  output: Output;
  /** Where the spinner goes (stderr). */
  progressStream: NodeJS.WritableStream;
}

export async function runTurn(said: string, session: ChatSession, parts: ChatParts): Promise<ChatTurn> {
  const { model, templates, name, reader, output } = parts;
  const base = session.current();
  const toolchain = await parts.toolchain();
  const authored = await authorWithAnswers({
    requirement: said,
    author: async (requirement) => {
      const progress = createProgress(parts.progressStream, true);
      try {
        return await authorFunction({
          requirement,
          name,
          model,
          toolchain,
          templates,
          previous: base ? { messages: base.result.messages, draft: base.result.draft } : undefined,
          onProgress: ({ message }) => progress.update(message),
        });
      } finally {
        progress.done();
      }
    },
    answer: (question) => askQuestion({ question, reader, output }),
  });
  return session.record({ said, clarifications: authored.clarifications, result: authored.result, base });
}
