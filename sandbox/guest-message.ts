// What the guest may learn about a host failure: a message, never a stack, an error object or a host path.

const MAX_MESSAGE_LENGTH = 2_000;
// Absolute file-system paths (POSIX, Windows, file: URLs) that follow a start, space, quote or bracket.
const HOST_PATH = /(^|[\s'"(\[=])((?:file:\/\/)?\/(?!\/)[^\s'"()\]]+|[A-Za-z]:\\[^\s'"()\]]+)/g;

/** A guest-safe message for any thrown value: the message text only, host paths replaced by "<path>". */
export function guestMessage(error: unknown): string {
  let message: string;
  try {
    message = error instanceof Error ? error.message : String(error);
  } catch {
    message = 'the host operation failed';
  }
  const cleaned = message.replace(HOST_PATH, '$1<path>');
  return cleaned.length > MAX_MESSAGE_LENGTH ? `${cleaned.slice(0, MAX_MESSAGE_LENGTH)}…` : cleaned;
}
