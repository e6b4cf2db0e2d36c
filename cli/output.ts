// Printing for humans and for scripts. With --json, stdout carries exactly one JSON document. Everything
// printed passes through here, and every control, bidi or zero-width character in it is shown escaped
// (core/text/visible-text.ts): source, guest logs and error messages echo text we do not control.

import { isJoineryError, type ErrorCode } from '../core/errors.ts';
import { visibleJson, visibleText } from '../core/text/index.ts';

export interface Output {
  json: boolean;
  /** A human line on stdout (suppressed with --json). */
  line(text?: string): void;
  /** A progress or warning line on stderr, never mixed into --json stdout. */
  note(text: string): void;
  /** The one JSON document for --json. */
  result(value: unknown): void;
  color: boolean;
}

export function createOutput({ json, stdout, stderr, color }: {
  json: boolean;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  color: boolean;
}): Output {
  return {
    json,
    color: color && !json,
    line: (text = '') => { if (!json) writeVisible(stdout, text + '\n'); },
    note: (text) => writeVisible(stderr, text + '\n'),
    result: (value) => { if (json) stdout.write(visibleJson(value, 2) + '\n'); },
  };
}

/** The one way the CLI writes text for people to a stream: invisible characters escaped. */
export function writeVisible(stream: NodeJS.WritableStream, text: string): void {
  stream.write(visibleText(text));
}

/** Data for a file (an export: CSV, JSON lines) exactly as given when the stream is a file or a pipe, and
 *  with invisible characters escaped when it is a terminal. */
export function writeData(stream: NodeJS.WritableStream, text: string): void {
  stream.write((stream as { isTTY?: boolean }).isTTY === true ? visibleText(text) : text);
}

const EXIT_FOR_CODE: Partial<Record<ErrorCode, number>> = { CHECK_FAILED: 1, TESTS_FAILED: 1, INTEGRITY: 3, INTERNAL: 3 };

/** Reports an error the way the CLI promises (message, no stack) and returns the exit code. */
export function reportError(error: unknown, output: Output): number {
  if (isJoineryError(error)) {
    output.result({ ok: false, error: { code: error.code, message: error.message } });
    output.note(`error: ${error.message}`);
    return EXIT_FOR_CODE[error.code] ?? 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  output.result({ ok: false, error: { code: 'INTERNAL', message } });
  output.note(`internal error: ${message}`);
  if (process.env.JOINERY_DEBUG && error instanceof Error) output.note(error.stack ?? '');
  return 3;
}
