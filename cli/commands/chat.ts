import { resolve } from 'node:path';
import { loadTemplates, selectModel } from '../../agent/index.ts';
import { createChatSession } from '../chat/chat-session.ts';
import { runTurn } from '../chat/run-turn.ts';
import { saveTurnFiles } from '../chat/save-files.ts';
import { showTurn } from '../chat/show-turn.ts';
import { CHAT_HELP, slashCommand } from '../chat/slash-commands.ts';
import type { Command } from '../command.ts';
import { createLineReader } from '../line-reader.ts';
import { colourWanted, createOutput } from '../output.ts';
import { templatesDir } from '../paths.ts';

export const chatCommand: Command = {
  name: 'chat',
  summary: 'Author a function interactively: a rule, questions, follow-ups, diffs, tests, /undo, /publish',
  usage: [
    'Usage: joinery chat [--name <name>] [--provider offline|anthropic|openai-compatible|scripted] [--out <dir>]',
    '',
    CHAT_HELP,
    '',
    'Colour only on a terminal and never with NO_COLOR set. Exit 1 when the last rule or follow-up did not',
    'pass (refused, failed or left with an open question), 0 otherwise.',
  ].join('\n'),
  options: { name: { type: 'string' }, provider: { type: 'string' }, out: { type: 'string' } },
  async run({ values }, context) {
    // 1. The parts: coloured output for a terminal, the model, the line reader, the session.
    const color = colourWanted(context.stdout, context.env);
    const output = createOutput({ json: false, stdout: context.stdout, stderr: context.stderr, color });
    const templates = loadTemplates(templatesDir());
    const model = await selectModel({ provider: typeof values.provider === 'string' ? values.provider : undefined, env: context.env, templates });
    const reader = createLineReader(context.stdin, context.stdout);
    const outDir = resolve(context.cwd, typeof values.out === 'string' ? values.out : 'functions');
    const session = createChatSession();
    const parts = { model, toolchain: context.toolchain, templates, name: typeof values.name === 'string' ? values.name : undefined, reader, output, progressStream: context.stderr };
    output.line(`joinery chat (${model.provider} author).\n${CHAT_HELP}`);
    try {
      // 2. Each line: a slash command, or a rule / follow-up authored on top of the current draft.
      for (let line = await reader.next('\nrule> '); line !== undefined; line = await reader.next('\nrule> ')) {
        const text = line.trim();
        if (!text) continue;
        if (text === '/quit' || text === '/exit') break;
        if (text.startsWith('/')) {
          await slashCommand(text, session, { output, context, outDir });
          continue;
        }
        const turn = await runTurn(text, session, parts);
        showTurn(turn, output);
        // 3. The files on disk follow the current draft; with nothing passing yet, the latest attempt.
        if (turn.verdict === 'changed' || (!session.current() && turn.result.draft.source)) saveTurnFiles(turn, { outDir, cwd: context.cwd, output });
      }
    } finally {
      reader.close();
      await model.close?.();
    }
    const verdict = session.latest()?.verdict;
    return verdict === 'failed' || verdict === 'unanswered' ? 1 : 0;
  },
};
