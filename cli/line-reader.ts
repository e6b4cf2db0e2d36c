// Lines from a stream, one at a time, for interactive commands that also ask follow-up questions.

import { createInterface } from 'node:readline';
import { writeVisible } from './output.ts';

export interface LineReader {
  /** The next line, or undefined at end of input. */
  next(prompt?: string): Promise<string | undefined>;
  close(): void;
}

export function createLineReader(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): LineReader {
  const lines = createInterface({ input, terminal: false, crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  return {
    async next(prompt) {
      if (prompt) writeVisible(output, prompt);
      const result = await iterator.next();
      return result.done ? undefined : result.value;
    },
    close: () => lines.close(),
  };
}
