// A one-line progress indicator on stderr for a terminal, plain lines otherwise; never on stdout. The
// spinner's own escapes are the only raw ones: messages (from the agent) are shown escaped.

import { visibleText } from '../core/text/index.ts';

export function createProgress(stream: NodeJS.WritableStream, enabled: boolean): { update(message: string): void; done(): void } {
  const tty = (stream as { isTTY?: boolean }).isTTY === true;
  const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
  let frame = 0;
  let shown = false;
  return {
    update(text) {
      if (!enabled) return;
      const message = visibleText(text).replace(/\n/g, ' ');
      if (tty) {
        stream.write(`\r\x1b[2K${frames[frame++ % frames.length]} ${message}`);
        shown = true;
      } else {
        stream.write(`… ${message}\n`);
      }
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
