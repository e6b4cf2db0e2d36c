// The embedded offline author: a deterministic ModelClient that needs no network. It reads the
// requirement with the family recognisers, instantiates the family's template with the extracted
// parameters, derives fixtures from them, and drives the same tool loop and pipeline as Claude does.
// When a sentence does not map, it gives up naming that sentence; it never ignores part of a requirement.

import { instantiateTemplate, readTemplateParams, type TemplateEntry } from '../templates/index.ts';
import { ZERO_USAGE, type AssistantBlock, type ModelClient, type ModelMessage, type ModelRequest, type ModelResponse } from '../model/types.ts';
import { analyseRequirement, type Analysis } from './analyse-requirement.ts';
import { accountingGaps } from './accounting/account-clauses.ts';
import { describeToken, renderAccounting } from './accounting/render-accounting.ts';
import { type AdminQuestion, questionFor } from './questions/ask-about-gap.ts';
import { RECOGNIZERS } from './families/index.ts';
import type { AnyFamilyRecognizer, Params } from './recognizer.ts';

export const OFFLINE_MODEL_NAME = 'joinery-offline-1';

export function createOfflineModel({ templates, recognizers = RECOGNIZERS }: { templates: TemplateEntry[]; recognizers?: AnyFamilyRecognizer[] }): ModelClient {
  let sequence = 0;
  const toolUse = (name: string, input: unknown): AssistantBlock => ({ type: 'tool_use', id: `toolu_offline_${++sequence}`, name, input });
  const reply = (content: AssistantBlock[]): ModelResponse => ({ content, stopReason: 'tool_use', usage: ZERO_USAGE, model: OFFLINE_MODEL_NAME });
  const defaults = (family: string): Params => {
    const own = recognizers.find((recognizer) => recognizer.family === family)?.defaults;
    if (own) return structuredClone(own);
    const template = templates.find((candidate) => candidate.family === family);
    return template ? readTemplateParams(template.source) : {};
  };

  return {
    provider: 'offline',
    model: OFFLINE_MODEL_NAME,
    estimateCostUsd: () => 0,
    async complete(request: ModelRequest): Promise<ModelResponse> {
      const last = request.messages.at(-1);
      // After the tool results of our plan: finish when the fixtures passed, otherwise say why not.
      if (last && typeof last.content !== 'string') {
        const testResult = last.content.find((block) => block.type === 'tool_result' && toolNameOf(request.messages, block.tool_use_id) === 'run_fixtures');
        if (testResult && testResult.type === 'tool_result' && !testResult.is_error) {
          const table = accountingShown(request.messages);
          return reply([toolUse('finish', { summary: fitReason(`The function passes its type-check and every fixture.${table ? `\n${table}` : ''}`) })]);
        }
        const why = testResult && testResult.type === 'tool_result' ? testResult.content : 'a tool failed';
        return reply([toolUse('give_up', { reason: `The instantiated template did not pass its checks:\n${why}` })]);
      }
      // Each message the admin wrote, in order: a follow-up in chat revises what the earlier ones said.
      const said = request.messages.flatMap(({ role, content }) => (role === 'user' && typeof content === 'string' ? [takeNameInstruction(content)] : []));
      const name = said.map((message) => message.name).filter((named) => named !== undefined).at(-1);
      const analysis = analyseRequirement(said.map((message) => message.requirement), recognizers, defaults);
      if (name && analysis.recognition) analysis.recognition.params.functionName = name;
      const values = analysis.recognition?.params ?? {};
      // 1. Sentences not understood or impossible rules: refuse. 2. Parts nothing accounts for: ask when a
      // question can settle them and the loop can stop for the answer, otherwise refuse naming them.
      const notUnderstood = refusalReason(analysis, recognizers);
      const question = notUnderstood === undefined ? questionFor(analysis.recognizer?.family, accountingGaps(analysis.accounts).tokens) : undefined;
      if (question && canAsk(request)) return reply([{ type: 'text', text: renderAccounting(analysis.accounts, values) }, toolUse('ask_admin', question)]);
      const gap = gapReason(analysis);
      const reason = notUnderstood ?? (gap === undefined ? undefined : `${gap}${question ? ` Or answer: ${questionText(question)}` : ''}`);
      const needs = analysis.generalNeeds;
      const alternative = needs ? ` As an ${needs.family} rule (conditions and HTTP calls) it is missing: ${needs.problems.join('; ')}.` : '';
      const refusal = reason && `${reason}${alternative}`;
      if (refusal) {
        const table = renderAccounting(analysis.accounts, values, { maxLength: REASON_LIMIT - refusal.length - 2 });
        return reply([{ type: 'text', text: renderAccounting(analysis.accounts, values) }, toolUse('give_up', { reason: fitReason(`${refusal}\n${table}`) })]);
      }
      return reply(plan(analysis, templates, toolUse));
    },
  };
}

/** The loop adds `Name the function "x".` when the admin chose a name; it is an instruction, not a rule. */
export const NAME_INSTRUCTION = /\n*Name the function "([a-z][a-z0-9-]*)"\.?/g;

function takeNameInstruction(text: string): { requirement: string; name?: string } {
  const names = [...text.matchAll(NAME_INSTRUCTION)].map((match) => match[1]!);
  return { requirement: text.replace(NAME_INSTRUCTION, '\n'), name: names.at(-1) };
}

function refusalReason(analysis: Analysis, recognizers: AnyFamilyRecognizer[]): string | undefined {
  const families = recognizers.map((recognizer) => recognizer.family).join(', ');
  const getModel = 'For requirements beyond these, set ANTHROPIC_API_KEY and run with --provider anthropic.';
  if (!analysis.recognizer) {
    return `The offline author did not recognise a rule family in this requirement. It handles: ${families}. ${getModel}`;
  }
  if (analysis.unhandled.length > 0) {
    const sentences = analysis.unhandled.map((clause) => `"${clause.text}"`).join('; ');
    const others = analysis.otherFamilies.length > 0 ? ` That part looks like the ${analysis.otherFamilies.join(' / ')} family: author it as a separate function.` : '';
    return `The offline author could not handle ${analysis.unhandled.length === 1 ? 'this sentence' : 'these sentences'}: ${sentences}.${others} Rephrase ${analysis.unhandled.length === 1 ? 'it' : 'them'} or remove ${analysis.unhandled.length === 1 ? 'it' : 'them'}; nothing was written that silently ignores part of the requirement. ${getModel}`;
  }
  if (analysis.recognition!.problems.length > 0) return `The requirement cannot be met as written: ${analysis.recognition!.problems.join('; ')}.`;
  return undefined;
}

function questionText(question: AdminQuestion): string {
  return `${question.question} ${question.choices.map((choice) => `[${choice.key}] ${choice.label}`).join('; ')}`;
}

/** ask_admin with choices is offered once the loop can stop for an answer (stop "needs-answer"). */
function canAsk(request: ModelRequest): boolean {
  const tool = request.tools.find((candidate) => candidate.name === 'ask_admin');
  return JSON.stringify(tool?.input_schema ?? {}).includes('"choices"');
}

/** give_up and finish take at most 2000 characters. */
const REASON_LIMIT = 2000;

function fitReason(text: string): string {
  return text.length <= REASON_LIMIT ? text : `${text.slice(0, REASON_LIMIT - 1)}…`;
}

/** Tokens of the requirement that nothing the author would produce accounts for: refuse, never drop them. */
function gapReason(analysis: Analysis): string | undefined {
  const { tokens } = accountingGaps(analysis.accounts);
  if (tokens.length === 0) return undefined;
  const listed = tokens.map(({ clause, token }) => `${describeToken(token)} in "${clause.text}"`).join('; ');
  const family = analysis.recognizer?.family ?? '';
  return [
    `The offline author could not account for ${tokens.length === 1 ? 'this part' : 'these parts'} of the requirement: ${listed}.`,
    `It maps to no setting, example or behaviour of the ${family} template, so nothing was written that would silently ignore it.`,
    'Rephrase or remove it, or set ANTHROPIC_API_KEY and run with --provider anthropic.',
  ].join(' ');
}

/** The accounting table the plan showed, for the finish summary. */
function accountingShown(messages: ModelMessage[]): string | undefined {
  for (const message of [...messages].reverse()) {
    if (message.role !== 'assistant' || typeof message.content === 'string') continue;
    for (const block of message.content) {
      if (block.type === 'text' && block.text.includes('Clause accounting:')) return block.text.slice(block.text.indexOf('Clause accounting:'));
    }
  }
  return undefined;
}

function plan(analysis: Analysis, templates: TemplateEntry[], toolUse: (name: string, input: unknown) => AssistantBlock): AssistantBlock[] {
  const recognizer = analysis.recognizer!;
  const recognition = analysis.recognition!;
  const template = templates.find((candidate) => candidate.family === recognizer.family);
  if (!template && !recognizer.generate) return [toolUse('give_up', { reason: `the ${recognizer.family} template is not installed` })];
  const source = recognizer.generate ? recognizer.generate(recognition) : instantiateTemplate(template?.source ?? '', recognition.params);
  const fixtures = recognizer.fixtures(recognition);
  const described = recognizer.spec(recognition);
  const manifest = manifestOf(source, recognition.params);
  const spec = {
    name: String(recognition.params.functionName),
    trigger: described.trigger ?? manifest.trigger,
    egress: manifest.egress,
    secrets: manifest.secrets,
    ...described,
    assumptions: [...described.assumptions, ...recognition.assumptions],
  };
  return [
    { type: 'text', text: `Recognised the ${recognizer.family} rule family; instantiating its template.\n${renderAccounting(analysis.accounts, recognition.params)}` },
    toolUse('write_spec', { spec }),
    toolUse('write_function', { source }),
    toolUse('write_fixtures', { fixtures }),
    toolUse('run_fixtures', {}),
  ];
}

/** Trigger, egress and secrets as the instantiated definition declares them (literals or PARAMS fields). */
function manifestOf(source: string, params: Record<string, unknown>): { trigger: string; egress: string[]; secrets: string[] } {
  const definition = source.slice(source.indexOf('defineFunction('));
  const value = (literal: string | undefined, paramName: string | undefined) => literal ?? String(params[paramName ?? ''] ?? '');
  const triggerMatch = /trigger:\s*(?:'([a-z.]+)'|PARAMS\.(\w+))/.exec(definition);
  // A secret is a name or { name, hosts }: the hosts of a binding are not secrets.
  const list = (field: string) => {
    const body = listText(definition, field).replace(/hosts:\s*\[[^\]]*\]/g, '');
    return [...body.matchAll(/'([^']+)'|PARAMS\.(\w+)/g)].map((match) => value(match[1], match[2])).filter(Boolean);
  };
  return { trigger: triggerMatch ? value(triggerMatch[1], triggerMatch[2]) : 'user.joined', egress: list('egress'), secrets: list('secrets') };
}

/** The text between the brackets of `field: [ ... ]`, nested brackets included. */
function listText(definition: string, field: string): string {
  const start = new RegExp(`\\b${field}:\\s*\\[`).exec(definition);
  if (start === null) return '';
  let depth = 1;
  let index = start.index + start[0].length;
  const from = index;
  for (; index < definition.length && depth > 0; index++) {
    if (definition[index] === '[') depth++;
    else if (definition[index] === ']') depth--;
  }
  return definition.slice(from, index - 1);
}

function toolNameOf(messages: ModelMessage[], toolUseId: string): string | undefined {
  for (const message of messages) {
    if (message.role !== 'assistant' || typeof message.content === 'string') continue;
    for (const block of message.content) if (block.type === 'tool_use' && block.id === toolUseId) return block.name;
  }
  return undefined;
}
