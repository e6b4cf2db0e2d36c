import type { Command } from '../command.ts';
import { activateCommand } from './activate.ts';
import { authorCommand } from './author.ts';
import { chatCommand } from './chat.ts';
import { checkCommand } from './check.ts';
import { diffCommand } from './diff.ts';
import { directoryCommand } from './directory.ts';
import { evalCommand } from './eval.ts';
import { eventsCommand } from './events.ts';
import { flowCommand } from './flow.ts';
import { listCommand } from './list.ts';
import { logsCommand } from './logs.ts';
import { mcpCommand } from './mcp.ts';
import { publishCommand } from './publish.ts';
import { resumeCommand } from './resume.ts';
import { reviewCommand } from './review.ts';
import { runCommand } from './run.ts';
import { scheduleCommand } from './schedule.ts';
import { secretCommand } from './secret.ts';
import { serveCommand } from './serve.ts';
import { showCommand } from './show.ts';
import { testCommand } from './test.ts';
import { tokenCommand } from './token.ts';
import { versionsCommand } from './versions.ts';

/** In the order `joinery --help` lists them: the authoring loop, then review, then operations. */
export const COMMANDS: Command[] = [
  authorCommand,
  chatCommand,
  checkCommand,
  testCommand,
  publishCommand,
  reviewCommand,
  activateCommand,
  listCommand,
  versionsCommand,
  showCommand,
  diffCommand,
  runCommand,
  logsCommand,
  secretCommand,
  directoryCommand,
  evalCommand,
  mcpCommand,
  tokenCommand,
  serveCommand,
  eventsCommand,
  flowCommand,
  resumeCommand,
  scheduleCommand,
];
