#!/usr/bin/env python3
# Runs a command in a pseudo-terminal, for tests that must see what a person at a terminal sees: the
# command's stdin, stdout and stderr are the terminal, so isTTY is true, the terminal echoes what is typed,
# and colour decisions are the real ones. Bytes on this script's stdin are typed into the terminal;
# everything the terminal shows is copied to this script's stdout. Exits with the command's exit code.
# Usage: pty-run.py <command> [args...]

import os
import pty
import select
import sys

pid, terminal = pty.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])

typing = True
while True:
    watched = [terminal] + ([sys.stdin.fileno()] if typing else [])
    ready, _, _ = select.select(watched, [], [])
    if sys.stdin.fileno() in ready:
        typed = os.read(sys.stdin.fileno(), 4096)
        if typed:
            os.write(terminal, typed)
        else:
            typing = False  # the test closed its end; the command keeps its terminal until it exits
    if terminal in ready:
        try:
            shown = os.read(terminal, 4096)
        except OSError:  # EIO: the command exited and the terminal closed
            break
        if not shown:
            break
        os.write(sys.stdout.fileno(), shown)

_, status = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status))
