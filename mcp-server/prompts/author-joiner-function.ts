// The prompt that sets an assistant up to write a joiner function itself: the task and the steps
// through Joinery's gates, with the SDK, the fixture format and, when one clearly fits (or the caller
// names it), the rule family's template embedded.

import { completable } from '@modelcontextprotocol/sdk/server/completable.js';
import type { GetPromptResult } from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod';
import { conventionsText, type TemplateEntry } from '../../agent/templates/index.ts';
import { JoineryError } from '../../core/errors.ts';
import { CONVENTIONS_URI, FIXTURE_FORMAT_URI, fixtureFormatText, renderTemplate, SDK_URI, sdkText, templateUri } from '../resources/index.ts';
import { MAX_REQUIREMENT_CHARS } from '../tools/schemas.ts';
import { closestTemplate, type Recognizers } from './closest-template.ts';

export function authorJoinerFunctionArgs(templates: readonly TemplateEntry[]) {
  return {
    requirement: z.string().min(1).max(MAX_REQUIREMENT_CHARS).describe('the joiner rule in plain language'),
    family: completable(z.string().max(63).optional().describe('a rule family whose template to attach; default: the one that clearly fits, if any'), (value) =>
      templates.map((entry) => entry.family).filter((family) => family.startsWith(value ?? '')),
    ),
  };
}

/** `recognizers`: the offline author's (agent RECOGNIZERS), which choose the template when no family is named. */
export function authorJoinerFunctionPrompt(
  requirement: string,
  family: string | undefined,
  templates: readonly TemplateEntry[],
  recognizers: Recognizers,
): GetPromptResult {
  const template = family === undefined ? closestTemplate(requirement, templates, recognizers) : templates.find((entry) => entry.family === family);
  if (family !== undefined && !template) throw new JoineryError('INVALID_INPUT', `no rule family named ${JSON.stringify(family)}; families: ${templates.map((entry) => entry.family).join(', ')}`);
  const steps = [
    'Write a Joinery function for this joiner rule, with fixtures that prove it, and publish it for review.',
    '',
    `The rule: ${requirement}`,
    '',
    'Steps:',
    '1. Write a short spec in Markdown: the name (kebab-case), trigger, inputs, output, egress hosts, secrets, the rules in order, and the edge cases your fixtures will cover. Say what the rule leaves open and what you assumed.',
    '2. Write the function: one TypeScript file importing only "@joinery/sdk" and exporting defineFunction({ name, description, trigger, egress, secrets, run }) as default. Use ctx.directory for uniqueness checks and ctx.http.fetch only for hosts listed in egress. Declare each secret with the hosts it is for ({ name: \'GRAPH_TOKEN\', hosts: [\'graph.microsoft.com\'] }) and send it with fetch\'s auth option ({ bearer: \'GRAPH_TOKEN\' }, { basic: ... }, { oauth: ... }; see the Secrets section of joinery://docs/contract.md): the function never holds a secret value.',
    '3. Write the fixtures (JSON): the ordinary case, every rule, and the hard names (hyphens, apostrophes, diacritics, clashes, length limits).',
    '4. Call save_draft with the name, source, fixtures, spec and the rule above as `requirement` (the reviewer reads it). Fix what it reports and save again with overwrite: true until test.ok is true.',
    '5. Call publish_function({ draft: "<name>" }). Someone else reviews it.',
    '',
    template
      ? `The SDK, the fixture format, the conventions and the ${template.family} template follow.`
      : 'The SDK, the fixture format and the conventions follow. No rule-family template clearly fits this rule, so none is attached; resources/list shows them (joinery://templates/<family>).',
  ].join('\n');
  return {
    description: `Author a joiner function: ${requirement.slice(0, 80)}`,
    messages: [
      { role: 'user', content: { type: 'text', text: steps } },
      { role: 'user', content: { type: 'resource', resource: { uri: SDK_URI, mimeType: 'text/typescript', text: sdkText() } } },
      { role: 'user', content: { type: 'resource', resource: { uri: FIXTURE_FORMAT_URI, mimeType: 'text/markdown', text: fixtureFormatText() } } },
      { role: 'user', content: { type: 'resource', resource: { uri: CONVENTIONS_URI, mimeType: 'text/markdown', text: conventionsText() } } },
      ...(template ? [{ role: 'user' as const, content: { type: 'resource' as const, resource: { uri: templateUri(template.family), mimeType: 'text/markdown', text: renderTemplate(template) } } }] : []),
    ],
  };
}
