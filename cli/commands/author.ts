import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { authorFunction, authorWithAnswers, formatCostUsd, isCostKnown, loadTemplates, renderSpec, selectModel } from '../../agent/index.ts';
import { JoineryError } from '../../core/errors.ts';
import { publishFunction } from '../../core/pipeline/index.ts';
import type { Command } from '../command.ts';
import { showOpenQuestion } from '../chat/ask-question.ts';
import { terminalAnswers } from '../chat/terminal-answers.ts';
import { writeEditorTypesIfMissing } from '../editor-types.ts';
import { printTest } from '../format.ts';
import { createProgress } from '../progress.ts';
import { templatesDir } from '../paths.ts';

export const authorCommand: Command = {
  name: 'author',
  summary: 'Turn a plain-language rule into a tested function (offline author, or Claude with a key)',
  usage: [
    'Usage: joinery author "<requirement>" [--name <name>] [--provider offline|anthropic|openai-compatible|scripted]',
    '                      [--out <dir>] [--max-turns <n>] [--publish [--as <who>]] [--json]',
    '                      [--answer <key>]... [--clarify "<sentence>"]...',
    '',
    '  --name <name>       the function name (kebab-case); default: chosen from the requirement',
    '  --provider <p>      offline (default without a key or URL), anthropic (Claude; JOINERY_MODEL picks the',
    '                      model), openai-compatible (your own server: JOINERY_MODEL_URL, JOINERY_MODEL, optional',
    '                      JOINERY_MODEL_KEY; the default when JOINERY_MODEL_URL is set), scripted (JOINERY_SCRIPT)',
    '  --out <dir>         where the files go (default: functions)',
    '  --publish           publish the result for review; the agent is the author and you (JOINERY_USER or',
    '                      the OS user; --as <w> under localTrust) the requester, so you cannot approve it',
    '',
    '  --answer <key>      answers the author\'s next clarifying question with that choice (repeatable, in order)',
    '  --clarify "<s>"     adds "Clarification: <s>" to the requirement before authoring (repeatable)',
    '',
    'When a clause is open to readings that behave differently, the author asks a question with choices. At a',
    'terminal it is asked there and authoring continues. Otherwise (a pipe, a script, --json) the command exits',
    '4 with the question (under "question" with --json): run it again with --answer <key>, or with --clarify',
    'and the choice\'s clarification sentence (or your own).',
    '',
    'Writes <out>/<name>.ts, <name>.fixtures.json and <name>.spec.md. Exit 1 when the author could not',
    'produce a function that passes its checks and fixtures (the draft is still written, with the reason),',
    '4 when it waits for an answer to its question.',
  ].join('\n'),
  options: {
    name: { type: 'string' },
    provider: { type: 'string' },
    out: { type: 'string' },
    'max-turns': { type: 'string' },
    publish: { type: 'boolean' },
    as: { type: 'string' },
    answer: { type: 'string', multiple: true },
    clarify: { type: 'string', multiple: true },
  },
  async run({ positionals, values }, context, output) {
    const requirement = positionals.join(' ').trim();
    if (!requirement) throw new JoineryError('INVALID_INPUT', 'give the requirement in quotes: joinery author "Usernames are ..."');
    if (requirement.length > 20_000) throw new JoineryError('INVALID_INPUT', `the requirement is ${requirement.length} characters; the limit is 20000`);
    const name = typeof values.name === 'string' ? values.name : undefined;
    if (name !== undefined && !/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(name)) throw new JoineryError('INVALID_INPUT', `--name "${name}" must be kebab-case`);
    const clarifications = strings(values.clarify);
    if (clarifications.some((sentence) => sentence.trim() === '' || sentence.length > 1000)) {
      throw new JoineryError('INVALID_INPUT', '--clarify takes one sentence of 1 to 1000 characters');
    }
    const requester = values.publish ? context.actor(values.as) : undefined;
    const maxTurns = values['max-turns'] === undefined ? 12 : Number(values['max-turns']);
    if (!Number.isInteger(maxTurns) || maxTurns < 1 || maxTurns > 50) {
      throw new JoineryError('INVALID_INPUT', '--max-turns must be a whole number from 1 to 50');
    }

    const templates = loadTemplates(templatesDir());
    const model = await selectModel({ provider: typeof values.provider === 'string' ? values.provider : undefined, env: context.env, templates });
    const progress = createProgress(context.stderr, !output.json);
    const started = performance.now();
    // A person at a terminal is asked; a script gets the question back (exit 4) and answers on the next call.
    const answers = terminalAnswers({ keys: strings(values.answer), stdin: context.stdin, stdout: context.stdout, output });
    const toolchain = await context.toolchain();
    const onProgress = ({ message }: { message: string }) => progress.update(message);
    let authored: Awaited<ReturnType<typeof authorWithAnswers>>;
    try {
      authored = await authorWithAnswers({
        requirement,
        clarifications,
        answer: async (question) => {
          progress.done();
          return answers.answer(question);
        },
        author: (clarified) => authorFunction({ requirement: clarified, name, model, toolchain, templates, maxTurns, onProgress }),
      });
    } finally {
      progress.done();
      answers.close();
      await model.close?.();
    }
    const { result } = authored;
    for (const { key, question } of answers.unmatched) output.note(`--answer ${key} is not one of the choices for "${question}"`);
    const { draft } = result;
    const fileName = draft.spec?.name ?? name ?? 'draft';
    const outDir = resolve(context.cwd, typeof values.out === 'string' ? values.out : 'functions');
    const paths = { source: join(outDir, `${fileName}.ts`), fixtures: join(outDir, `${fileName}.fixtures.json`), spec: join(outDir, `${fileName}.spec.md`) };
    const spec = draft.spec ? renderSpec(draft.spec) : null;
    if (draft.source || draft.fixturesText || spec) mkdirSync(outDir, { recursive: true });
    if (draft.source) writeEditorTypesIfMissing(outDir);
    if (draft.source) writeFileSync(paths.source, draft.source);
    if (draft.fixturesText) writeFileSync(paths.fixtures, draft.fixturesText);
    if (spec) writeFileSync(paths.spec, spec);
    const shown = (path: string) => relative(context.cwd, path);

    if (spec) output.line(spec);
    if (draft.lastTest) printTest(draft.lastTest, { source: shown(paths.source), fixtures: shown(paths.fixtures) }, output);
    // Unknown for a self-hosted model: null in --json, "n/a" on the terminal, never $0.
    const usage = { ...result.usage, costUsd: isCostKnown(model.provider) ? Number(result.costUsd.toFixed(6)) : null };
    if (result.question) showOpenQuestion(result.question, output);
    const said = result.ok ? `✓ ${result.reason}` : result.question ? '? waiting for an answer to the question above' : `✗ ${result.reason}`;
    const tokens = usage.inputTokens + usage.outputTokens;
    const elapsedMs = Math.round(performance.now() - started);
    // The figures go on the verdict's first line; the rest of the reason (the clause accounting table) follows.
    const [verdict, ...details] = said.split('\n');
    const cost = formatCostUsd(result.costUsd, model.provider);
    output.line(`${verdict} (${model.provider}, ${result.turns} turns, ${tokens} tokens, cost ${cost}, ${elapsedMs} ms)`);
    for (const detail of details) output.line(detail);

    let published = null;
    if (result.ok && requester && draft.source && draft.fixturesText) {
      const outcome = await publishFunction({
        source: draft.source,
        fixturesText: draft.fixturesText,
        spec,
        requirement: authored.requirement,
        author: `agent:${model.provider}`,
        requestedBy: requester.name,
        actorSource: requester.source,
        toolchain,
        registry: context.registry(),
      });
      if (outcome.ok) {
        published = { name: outcome.version.name, version: outcome.version.version, status: outcome.version.status };
        output.line(`✓ published ${published.name}@${published.version}, pending review by someone other than ${requester.name}`);
      }
    } else if (result.ok && draft.source) {
      output.line(`Next: review ${shown(paths.source)}, then: npx joinery publish ${shown(paths.source)}`);
    }
    output.result({
      ok: result.ok,
      name: draft.spec?.name ?? null,
      sourcePath: draft.source ? shown(paths.source) : null,
      fixturesPath: draft.fixturesText ? shown(paths.fixtures) : null,
      specPath: spec ? shown(paths.spec) : null,
      tests: { passed: draft.lastTest?.report?.passed ?? 0, failed: draft.lastTest?.report?.failed ?? 0 },
      turns: result.turns,
      usage,
      provider: model.provider,
      reason: result.reason,
      stop: result.stop,
      question: result.question ?? null,
      clarifications: authored.clarifications,
      unmatchedAnswers: answers.unmatched.map((unmatched) => unmatched.key),
      published,
    });
    return result.ok ? 0 : result.question ? 4 : 1;
  },
};

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
