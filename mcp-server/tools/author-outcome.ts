// What author_function tells an assistant when the author did not finish: the question to relay to the
// person and how to continue, or each sentence of the requirement it could not handle (or whose words,
// a place, a number, a channel, it could not account for), with the reason,
// and the next steps in MCP terms (write the function
// yourself with save_draft, split the requirement). Never CLI advice: an assistant cannot set
// environment variables or pass --provider, and "remove them" would drop part of what the person asked.

import type { StopReason } from '../../agent/index.ts';
import type { ClarifyingQuestion } from '../../agent/questions/index.ts';
import { readTemplateParams, type TemplateEntry } from '../../agent/templates/index.ts';
import { loadAgent } from '../load-agent.ts';
import { FIXTURE_FORMAT_URI, SDK_URI, templateUri } from '../resources/index.ts';

export interface NotUnderstood {
  sentence: string;
  reason: string;
}

export interface AuthorOutcome {
  reason: string;
  notUnderstood: NotUnderstood[];
  nextSteps: string[];
}

const WRITE_IT_YOURSELF = `Write it yourself: read ${SDK_URI} and ${FIXTURE_FORMAT_URI}, then call save_draft with name, source, fixtures, spec and this requirement; fix what it reports; then publish_function({ draft }).`;

/** Sentences of the reason written for a terminal (environment variables, flags, commands) are dropped. */
const CLI_ADVICE = /[^.]*(?:ANTHROPIC_API_KEY|--provider|\bjoinery [a-z]+ )[^.]*\.\s*/g;

type Agent = Awaited<ReturnType<typeof loadAgent>>;

export async function describeStop({ stop, reason, provider, requirement, templates, draftName, question, clarifications = [], unmatched = [] }: {
  stop: StopReason;
  reason: string;
  provider: string;
  requirement: string;
  templates: readonly TemplateEntry[];
  draftName: string | null;
  question?: ClarifyingQuestion;
  /** The clarifications this call authored with, for the next call to pass on. */
  clarifications?: readonly string[];
  /** Given answer keys that named no choice. */
  unmatched?: readonly string[];
}): Promise<AuthorOutcome> {
  if (stop === 'needs-answer' && question) return describeQuestion(question, clarifications, unmatched);
  if (stop === 'finished') return { reason, notUnderstood: [], nextSteps: draftName ? [`Review the draft (get_draft "${draftName}"), then publish_function({ draft: "${draftName}" }); someone else approves it.`] : [] };
  if (stop === 'cancelled') return { reason: 'cancelled; nothing was saved', notUnderstood: [], nextSteps: [] };
  const fixIt = draftName ? [`The draft "${draftName}" is saved with its failing results: get_draft shows them; fix it and save_draft with overwrite=true.`] : [];
  if (provider !== 'offline' || stop !== 'gave-up') {
    return { reason: reason.replace(CLI_ADVICE, '').trim() || stop, notUnderstood: [], nextSteps: [...fixIt, WRITE_IT_YOURSELF] };
  }
  const agent = await loadAgent();
  const analysis = agent.analyseRequirement(requirement, agent.RECOGNIZERS, defaultsOf(templates));
  return { ...offlineGiveUp(agent, analysis), nextSteps: [...fixIt, ...offlineNextSteps(analysis, templates)] };
}

/** The question to relay, and the call that continues: the same requirement with the answer added. */
function describeQuestion(question: ClarifyingQuestion, clarifications: readonly string[], unmatched: readonly string[]): AuthorOutcome {
  const choices = question.choices.map((choice) => `${choice.key} (${choice.label})`).join(', ');
  const keys = unmatched.length > 0 ? `The answers ${JSON.stringify(unmatched)} named no choice. ` : '';
  const earlier = clarifications.map((sentence) => JSON.stringify(sentence)).join(', ');
  return {
    reason: `The author needs an answer before it goes on: ${question.question}`,
    notUnderstood: [],
    nextSteps: [
      `${keys}Ask the person "${question.question}" (about "${question.clause}"): ${choices}, or their own answer in a sentence.`,
      `Then call author_function again with the same requirement and answers: [${earlier ? `${earlier}, ` : ''}"<key or their sentence>"].`,
    ],
  };
}

type Analysis = ReturnType<Agent['analyseRequirement']>;

function offlineGiveUp(agent: Agent, analysis: Analysis): Omit<AuthorOutcome, 'nextSteps'> {
  const families = agent.RECOGNIZERS.map((recognizer) => recognizer.family).join(', ');
  const family = analysis.recognizer?.family;
  if (!family) {
    return {
      reason: `The built-in author recognised no rule family it handles (${families}) in this requirement.`,
      notUnderstood: analysis.unhandled.map((clause) => ({ sentence: clause.text, reason: 'no rule family the built-in author handles reads it' })),
    };
  }
  if (analysis.unhandled.length > 0) {
    return {
      reason: `The built-in author read this as the ${family} rule family but could not handle ${analysis.unhandled.length === 1 ? 'one sentence' : `${analysis.unhandled.length} sentences`}; it writes nothing that ignores part of a requirement.`,
      notUnderstood: analysis.unhandled.map((clause) => ({ sentence: clause.text, reason: sentenceReason(agent, clause.text, family) })),
    };
  }
  const { tokens } = agent.accountingGaps(analysis.accounts);
  if (tokens.length > 0) {
    const sentences = [...new Set(tokens.map(({ clause }) => clause.text))];
    const parts = tokens.length === 1 ? 'one part' : `${tokens.length} parts`;
    const named = (sentence: string) => tokens.filter(({ clause }) => clause.text === sentence).map(({ token }) => agent.describeToken(token)).join(', ');
    return {
      reason: `The built-in author read this as the ${family} rule family but could not account for ${parts} of it; ` +
        'it writes nothing that ignores part of a requirement.',
      notUnderstood: sentences.map((sentence) => ({
        sentence,
        reason: `could not account for ${named(sentence)}: it maps to no setting, example or behaviour of the ${family} template`,
      })),
    };
  }
  const problems = analysis.recognition?.problems ?? [];
  return { reason: `The requirement cannot be met as written: ${problems.join('; ') || 'the template did not pass its own fixtures'}.`, notUnderstood: [] };
}

function sentenceReason(agent: Agent, sentence: string, family: string): string {
  const other = agent.RECOGNIZERS.find((recognizer) => recognizer.family !== family && recognizer.keywords.some((keyword) => new RegExp(keyword.source, keyword.flags.replace('g', '')).test(sentence)));
  return other ? `it looks like the ${other.family} rule family, a separate function` : `no rule of the ${family} family reads it`;
}

function offlineNextSteps(analysis: Analysis, templates: readonly TemplateEntry[]): string[] {
  const family = analysis.recognizer?.family;
  const template = family && templates.some((entry) => entry.family === family) ? ` Start from ${templateUri(family)}.` : '';
  const split = analysis.otherFamilies.length > 0 ? ['If some sentences belong to another rule family, call author_function once per function, each with its part of the requirement.'] : [];
  return [...split, `${WRITE_IT_YOURSELF}${template}`];
}

function defaultsOf(templates: readonly TemplateEntry[]): (family: string) => Record<string, unknown> {
  return (family) => {
    const template = templates.find((entry) => entry.family === family);
    return template ? readTemplateParams(template.source) : {};
  };
}
