// The prompt that sets an assistant up to write a joiner function itself: the task and the steps
// through Joinery's gates, with the SDK, the fixture format and the closest template embedded.

import type { GetPromptResult } from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod';
import type { TemplateEntry } from '../../agent/index.ts';
import { FIXTURE_FORMAT_URI, fixtureFormatText, renderTemplate, SDK_URI, sdkText, templateUri } from '../resources/index.ts';
import { MAX_REQUIREMENT_CHARS } from '../tools/schemas.ts';

export const authorJoinerFunctionArgs = {
  requirement: z.string().min(1).max(MAX_REQUIREMENT_CHARS).describe('the joiner rule in plain language'),
};

export function authorJoinerFunctionPrompt(requirement: string, templates: readonly TemplateEntry[]): GetPromptResult {
  const template = closestTemplate(requirement, templates);
  const steps = [
    'Write a Joinery function for this joiner rule, with fixtures that prove it, and publish it for review.',
    '',
    `The rule: ${requirement}`,
    '',
    'Steps:',
    '1. Write a short spec in Markdown: the name (kebab-case), trigger, inputs, output, egress hosts, secrets, the rules in order, and the edge cases your fixtures will cover. Say what the rule leaves open and what you assumed.',
    '2. Write the function: one TypeScript file importing only "@joinery/sdk" and exporting defineFunction({ name, description, trigger, egress, secrets, run }) as default. Use ctx.directory for uniqueness checks and ctx.http.fetch only for hosts listed in egress. Declare each secret with the hosts it is for ({ name: \'GRAPH_TOKEN\', hosts: [\'graph.microsoft.com\'] }) and send it with fetch\'s auth option ({ bearer: \'GRAPH_TOKEN\' }, { basic: ... }, { oauth: ... }; see the Secrets section of joinery://docs/contract.md): the function never holds a secret value.',
    '3. Write the fixtures (JSON): the ordinary case, every rule, and the hard names (hyphens, apostrophes, diacritics, clashes, length limits).',
    '4. Call save_draft with the name, source, fixtures and spec. Fix what it reports and save again until test.ok is true.',
    '5. Call publish_function({ draft: "<name>" }). Someone else reviews it.',
    '',
    'The SDK, the fixture format and the closest template follow.',
  ].join('\n');
  return {
    description: `Author a joiner function: ${requirement.slice(0, 80)}`,
    messages: [
      { role: 'user', content: { type: 'text', text: steps } },
      { role: 'user', content: { type: 'resource', resource: { uri: SDK_URI, mimeType: 'text/typescript', text: sdkText() } } },
      { role: 'user', content: { type: 'resource', resource: { uri: FIXTURE_FORMAT_URI, mimeType: 'text/markdown', text: fixtureFormatText() } } },
      ...(template ? [{ role: 'user' as const, content: { type: 'resource' as const, resource: { uri: templateUri(template.family), mimeType: 'text/markdown', text: renderTemplate(template) } } }] : []),
    ],
  };
}

/** The template whose family and description share the most words with the requirement. */
function closestTemplate(requirement: string, templates: readonly TemplateEntry[]): TemplateEntry | undefined {
  const words = (text: string) => new Set(text.toLowerCase().split(/[^a-z0-9]+/).filter((word) => word.length > 3));
  const wanted = words(requirement);
  let best: { entry: TemplateEntry; score: number } | undefined;
  for (const entry of templates) {
    const offered = words(`${entry.family} ${entry.family.replace(/-/g, ' ')} ${entry.description}`);
    const score = [...wanted].filter((word) => offered.has(word) || offered.has(word.replace(/s$/, ''))).length;
    if (!best || score > best.score) best = { entry, score };
  }
  return best && best.score > 0 ? best.entry : templates.find((entry) => entry.family === 'username');
}
