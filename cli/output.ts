// Printing for humans and for scripts. With --json, stdout carries exactly one JSON document. Everything
// printed passes through here, and every control, bidi or zero-width character in it is shown escaped
// (core/text/visible-text.ts): source, guest logs and error messages echo text we do not control.

import { isJoineryError, storeBusyError, type ErrorCode } from '../core/errors.ts';
import { visibleJson, visibleText } from '../core/text/index.ts';

/** What a coloured line means; shown as colour only when the output has colour on (a terminal, no NO_COLOR). */
type LineStyle = 'good' | 'bad' | 'warning' | 'question' | 'quiet' | 'added' | 'removed';

const SGR: Record<LineStyle, string> = { good: '32', bad: '31', warning: '1;33', question: '1;36', quiet: '2', added: '32', removed: '31' };

export interface Output {
  json: boolean;
  /** A human line on stdout (suppressed with --json), in the style's colour when colour is on. */
  line(text?: string, style?: LineStyle): void;
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
    line: (text = '', style) => {
      if (json) return;
      // The escapes are ours and wrap the text already made visible: the text itself cannot colour anything.
      if (color && style) stdout.write(`\x1b[${SGR[style]}m${visibleText(text)}\x1b[0m\n`);
      else writeVisible(stdout, text + '\n');
    },
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
export function reportError(thrown: unknown, output: Output): number {
  const error = storeBusyError(thrown) ?? thrown;
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

/** Colour for people at a terminal: never into a pipe or file, never when NO_COLOR is set (no-color.org). */
export function colourWanted(stream: NodeJS.WritableStream, env: NodeJS.ProcessEnv): boolean {
  return (stream as { isTTY?: boolean }).isTTY === true && !env.NO_COLOR;
}
