import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { authorFunction, loadTemplates, renderSpec, selectModel, type AuthorResult } from '../../agent/index.ts';
import { diffLines, formatUnifiedDiff } from '../../core/diff/index.ts';
import { publishFunction } from '../../core/pipeline/index.ts';
import type { Command } from '../command.ts';
import type { CliContext } from '../context.ts';
import { printTest } from '../format.ts';
import { createLineReader } from '../line-reader.ts';
import { createOutput, type Output } from '../output.ts';
import { templatesDir } from '../paths.ts';
import { createProgress } from '../progress.ts';

const HELP = [
  'Type a rule in plain language, then follow-ups ("also handle hyphenated last names").',
  '  /spec        show the current spec          /code    show the current function',
  '  /tests       show the latest test results   /save    write the files again',
  '  /publish    publish the draft for review (you become the requester, so you cannot approve it; you are',
  '              JOINERY_USER or the OS user; /publish <who> names someone else only under localTrust)',
  '  /quit        leave (the draft and the conversation stay in the output folder)',
].join('\n');

export const chatCommand: Command = {
  name: 'chat',
  summary: 'Author a function interactively: a rule, follow-ups, spec, code diffs, tests, publish',
  usage: ['Usage: joinery chat [--name <name>] [--provider offline|anthropic|openai-compatible|scripted] [--out <dir>]', '', HELP].join('\n'),
  options: { name: { type: 'string' }, provider: { type: 'string' }, out: { type: 'string' } },
  async run({ values }, context) {
    const output = createOutput({ json: false, stdout: context.stdout, stderr: context.stderr, color: false });
    const templates = loadTemplates(templatesDir());
    const model = await selectModel({ provider: typeof values.provider === 'string' ? values.provider : undefined, env: context.env, templates });
    const reader = createLineReader(context.stdin, context.stdout);
    const outDir = resolve(context.cwd, typeof values.out === 'string' ? values.out : 'functions');
    let last: AuthorResult | undefined;
    output.line(`joinery chat (${model.provider} author). ${HELP}`);
    try {
      for (let line = await reader.next('\nrule> '); line !== undefined; line = await reader.next('\nrule> ')) {
        const text = line.trim();
        if (!text) continue;
        if (text === '/quit' || text === '/exit') break;
        if (text.startsWith('/')) {
          await slashCommand(text, last, { output, context, outDir });
          continue;
        }
        const previousSource = last?.draft.source;
        const progress = createProgress(context.stderr, true);
        last = await authorFunction({
          requirement: text,
          name: typeof values.name === 'string' ? values.name : undefined,
          model,
          toolchain: await context.toolchain(),
          templates,
          previous: last ? { messages: last.messages, draft: last.draft } : undefined,
          askAdmin: async (question) => (await reader.next(`\n${question}\nanswer> `)) ?? 'no answer',
          onProgress: ({ message }) => progress.update(message),
        });
        progress.done();
        showIteration(last, previousSource, output);
        save(last, outDir, context, output);
      }
    } finally {
      reader.close();
      await model.close?.();
    }
    return last?.ok === false ? 1 : 0;
  },
};

function showIteration(result: AuthorResult, previousSource: string | undefined, output: Output): void {
  const { draft } = result;
  if (draft.spec) output.line(renderSpec(draft.spec));
  if (draft.source && previousSource && previousSource !== draft.source) {
    output.line(formatUnifiedDiff(diffLines(previousSource, draft.source), { labels: ['previous draft', 'this draft'] }));
  }
  if (draft.lastTest) printTest(draft.lastTest, { source: 'draft', fixtures: 'draft fixtures' }, output);
  output.line(`${result.ok ? '✓' : '✗'} ${result.reason} (${result.turns} turns)`);
  if (result.ok) output.line('Type a follow-up, /publish <who> to send it for review, or /quit.');
}

function save(result: AuthorResult, outDir: string, context: CliContext, output: Output): void {
  const { draft } = result;
  const name = draft.spec?.name ?? 'draft';
  mkdirSync(outDir, { recursive: true });
  if (draft.source) writeFileSync(join(outDir, `${name}.ts`), draft.source);
  if (draft.fixturesText) writeFileSync(join(outDir, `${name}.fixtures.json`), draft.fixturesText);
  if (draft.spec) writeFileSync(join(outDir, `${name}.spec.md`), renderSpec(draft.spec));
  writeFileSync(join(outDir, `${name}.conversation.json`), JSON.stringify(result.messages, null, 2) + '\n');
  output.line(`(saved in ${relative(context.cwd, outDir) || '.'}/${name}.*)`);
}

async function slashCommand(text: string, last: AuthorResult | undefined, { output, context, outDir }: { output: Output; context: CliContext; outDir: string }): Promise<void> {
  const [command, ...rest] = text.split(/\s+/);
  const draft = last?.draft;
  if (command === '/help') return output.line(HELP);
  if (!draft) return output.line('Nothing yet: type a rule first.');
  if (command === '/spec') return output.line(draft.spec ? renderSpec(draft.spec) : 'No spec yet.');
  if (command === '/code') return output.line(draft.source ?? 'No function yet.');
  if (command === '/tests') return draft.lastTest ? printTest(draft.lastTest, { source: 'draft', fixtures: 'draft fixtures' }, output) : output.line('Not tested yet.');
  if (command === '/save') return save(last!, outDir, context, output);
  if (command === '/publish') {
    const named = rest.join(' ').trim();
    let requester;
    try {
      requester = context.actor(named === '' ? undefined : named);
    } catch (error) {
      return output.line(`✗ not published: ${(error as Error).message}`);
    }
    if (!last!.ok || !draft.source || !draft.fixturesText) return output.line('The draft does not pass its checks and fixtures yet; it cannot be published.');
    const published = await publishFunction({ source: draft.source, fixturesText: draft.fixturesText, spec: draft.spec ? renderSpec(draft.spec) : null, author: 'agent:chat', requestedBy: requester.name, actorSource: requester.source, toolchain: await context.toolchain(), registry: context.registry() });
    return output.line(published.ok ? `✓ published ${published.version.name}@${published.version.version}, pending review by someone other than ${requester.name}` : `✗ not published: ${published.reason}`);
  }
  output.line(`Unknown command ${command}. ${HELP}`);
}
