// A one-line progress indicator on stderr for a terminal, plain lines otherwise; never on stdout.

export function createProgress(stream: NodeJS.WritableStream, enabled: boolean): { update(message: string): void; done(): void } {
  const tty = (stream as { isTTY?: boolean }).isTTY === true;
  const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
  let frame = 0;
  let shown = false;
  return {
    update(message) {
      if (!enabled) return;
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
