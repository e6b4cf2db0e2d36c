// The chat's slash commands. They read and move the session's current draft; only /publish writes to
// the registry, and it publishes the last passing draft whatever the turns after it did.

import { renderSpec } from '../../agent/index.ts';
import { publishFunction } from '../../core/pipeline/index.ts';
import type { CliContext } from '../context.ts';
import { printTest } from '../format.ts';
import type { Output } from '../output.ts';
import { requirementOf, type ChatSession } from './chat-session.ts';
import { saveTurnFiles } from './save-files.ts';
import { showHistory } from './show-history.ts';

export const CHAT_HELP = [
  'Type a rule in plain language, then follow-ups ("also handle hyphenated last names"). When the author',
  'asks a question, answer with a key, a number or your own sentence (empty skips it).',
  '  /spec  /code  /tests   show the current draft      /history  the turns and what each produced',
  '  /undo                  back to the previous draft   /reset    start over with a new rule',
  '  /save                  write the files again',
  '  /publish               publish the current (last passing) draft for review; you are the requester',
  '                         (JOINERY_USER or the OS user; /publish <who> only under localTrust)',
  '  /quit                  leave (the draft and the conversation stay in the output folder)',
].join('\n');

export async function slashCommand(
  text: string,
  session: ChatSession,
  { output, context, outDir }: { output: Output; context: CliContext; outDir: string },
): Promise<void> {
  const [command, ...rest] = text.split(/\s+/);
  const current = session.current();
  const shown = current ?? session.latest();
  const draft = shown?.result.draft;
  switch (command) {
    case '/help':
      return output.line(CHAT_HELP);
    case '/history':
      return showHistory(session, output);
    case '/reset': {
      const dropped = session.reset();
      return output.line(`Started over (${dropped} draft${dropped === 1 ? '' : 's'} set aside; /history keeps them). Type a new rule.`, 'warning');
    }
    case '/undo': {
      const undone = session.undo();
      if (!undone) return output.line('Nothing to undo.');
      const now = session.current();
      output.line(`↶ Undid turn ${undone.number} ("${undone.said}").`, 'warning');
      if (!now) return output.line('No passing draft remains: type a rule.');
      output.line(`Back to the draft of turn ${now.number} ("${now.said}").`);
      return saveTurnFiles(now, { outDir, cwd: context.cwd, output });
    }
  }
  if (!KNOWN.has(command ?? '')) return output.line(`Unknown command ${command}.\n${CHAT_HELP}`);
  if (!shown || !draft) return output.line('Nothing yet: type a rule first.');
  switch (command) {
    case '/spec':
      return output.line(draft.spec ? renderSpec(draft.spec) : 'No spec yet.');
    case '/code':
      return output.line(draft.source ?? 'No function yet.');
    case '/tests':
      return draft.lastTest ? printTest(draft.lastTest, { source: 'draft', fixtures: 'draft fixtures' }, output) : output.line('Not tested yet.');
    case '/save':
      return saveTurnFiles(shown, { outDir, cwd: context.cwd, output });
    case '/publish':
      return publishCurrent(session, rest.join(' ').trim(), { output, context });
  }
}

const KNOWN = new Set(['/spec', '/code', '/tests', '/save', '/publish']);

async function publishCurrent(session: ChatSession, named: string, { output, context }: { output: Output; context: CliContext }): Promise<void> {
  const current = session.current();
  const { source, fixturesText, spec } = current?.result.draft ?? {};
  if (!current || !source || !fixturesText) return output.line('No draft passes its checks and fixtures yet; nothing can be published.', 'bad');
  let requester: ReturnType<CliContext['actor']>;
  try {
    requester = context.actor(named === '' ? undefined : named);
  } catch (error) {
    return output.line(`✗ not published: ${(error as Error).message}`, 'bad');
  }
  if (session.latest() !== current) output.line(`Publishing the current draft, from turn ${current.number} ("${current.said}").`);
  const published = await publishFunction({
    source,
    fixturesText,
    spec: spec ? renderSpec(spec) : null,
    requirement: requirementOf(current),
    author: 'agent:chat',
    requestedBy: requester.name,
    actorSource: requester.source,
    toolchain: await context.toolchain(),
    registry: context.registry(),
  });
  if (!published.ok) return output.line(`✗ not published: ${published.reason}`, 'bad');
  output.line(`✓ published ${published.version.name}@${published.version.version}, pending review by someone other than ${requester.name}`, 'good');
}
