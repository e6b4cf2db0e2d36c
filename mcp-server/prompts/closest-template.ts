// Which rule-family template, if any, to attach to the author_joiner_function prompt. Each family is
// described by the offline author's recogniser for it: the phrases that mark a requirement as that
// family (agent/offline/families). A family is attached only when its phrases clearly lead; otherwise
// none, because an unrelated template (tens of kilobytes) misleads more than it helps.
//
// Why not the one-line README descriptions: weighted by rarity, they chose right for 38 of the 56 eval
// requirements and wrong for 3, and a start-date rule still drew the ticket template (its description
// alone mentions a start date). The recognisers' phrases chose right for 50, wrong for none, and attach
// nothing to a start-date rule (test/mcp-server/prompt-templates.test.ts).

import type { RECOGNIZERS } from '../../agent/index.ts';
import type { TemplateEntry } from '../../agent/templates/index.ts';

/** The offline author's recognisers (agent RECOGNIZERS), passed in: the MCP server loads the agent on first use. */
export type Recognizers = typeof RECOGNIZERS;

/** The leader needs at least one phrase, and half again as many as the runner-up. */
const MIN_LEAD = 1.5;

export function closestTemplate(requirement: string, templates: readonly TemplateEntry[], recognizers: Recognizers): TemplateEntry | undefined {
  const [best, second] = scoreFamilies(requirement, templates, recognizers);
  if (!best || best.score < 1) return undefined;
  if (second && best.score < second.score * MIN_LEAD) return undefined;
  return best.entry;
}

/** Every installed family that has a recogniser, by the number of its phrases in the requirement. */
export function scoreFamilies(
  requirement: string,
  templates: readonly TemplateEntry[],
  recognizers: Recognizers,
): Array<{ entry: TemplateEntry; score: number }> {
  return templates
    .flatMap((entry) => {
      const recognizer = recognizers.find((candidate) => candidate.family === entry.family);
      if (!recognizer) return [];
      const score = recognizer.keywords.reduce((total, keyword) => total + [...requirement.matchAll(new RegExp(keyword.source, keyword.flags.includes('g') ? keyword.flags : `${keyword.flags}g`))].length, 0);
      return [{ entry, score }];
    })
    .sort((left, right) => right.score - left.score);
}
