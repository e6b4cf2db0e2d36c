// The author_joiner_function prompt attaches a rule-family template only when the requirement clearly
// belongs to that family, nothing otherwise, and the one the caller names when they name one. Measured
// over every requirement of the eval cases (evals/cases), each labelled with its family.

import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { RECOGNIZERS } from '../../agent/index.ts';
import { closestTemplate } from '../../mcp-server/prompts/closest-template.ts';
import { createHarness, templates } from './harness.ts';

const CASES_FOLDER = new URL('../../evals/cases/', import.meta.url);
type LabelledCase = { family: string; requirement: string };
const allCases = readdirSync(CASES_FOLDER).flatMap((file) => (JSON.parse(readFileSync(new URL(file, CASES_FOLDER), 'utf8')) as { cases: LabelledCase[] }).cases);
// A rule kind with no template (http-action: the offline author writes it from a typed form) has no right
// template to attach, so the share is measured over the cases of the families that have one.
const cases = allCases.filter(({ family }) => templates.some((template) => template.family === family));

const harness = createHarness();
let client: Client;
beforeAll(async () => {
  client = await harness.connect({ name: 'alice', role: 'author' });
});
afterAll(() => harness.close());

const attached = async (args: Record<string, string>) => {
  const prompt = await client.getPrompt({ name: 'author_joiner_function', arguments: args });
  return prompt.messages.flatMap((message) => (message.content.type === 'resource' ? [message.content.resource.uri] : []));
};

describe('choosing a template', () => {
  it('picks the labelled family for most eval requirements and a wrong one for none', () => {
    const outcomes = cases.map(({ family, requirement }) => {
      const chosen = closestTemplate(requirement, templates, RECOGNIZERS)?.family;
      return chosen === family ? 'right' : chosen === undefined ? 'none' : `wrong: ${family} → ${chosen}`;
    });
    expect(outcomes.filter((outcome) => outcome.startsWith('wrong'))).toEqual([]);
    expect(outcomes.filter((outcome) => outcome === 'right').length).toBeGreaterThanOrEqual(Math.ceil(cases.length * 0.85));
    expect(cases.length).toBeGreaterThan(allCases.length - 10); // the filter leaves the templated families' cases
  });

  it('attaches the username template to a username rule, and nothing to rules no family covers', async () => {
    expect(await attached({ requirement: 'Usernames are the first initial plus the last name in lowercase; if taken add 1, 2, 3' })).toEqual([
      'joinery://sdk/index.d.ts', 'joinery://docs/fixture-format.md', 'joinery://docs/conventions.md', 'joinery://templates/username',
    ]);
    for (const requirement of ['Accounts must be created 3 days before the start date', 'The start date must be a Monday']) {
      expect(await attached({ requirement })).toEqual(['joinery://sdk/index.d.ts', 'joinery://docs/fixture-format.md', 'joinery://docs/conventions.md']);
    }
  });

  it('attaches the family the caller names, and refuses one that does not exist', async () => {
    expect((await attached({ requirement: 'The start date must be a Monday', family: 'ticket' })).at(-1)).toBe('joinery://templates/ticket');
    const error = await client.getPrompt({ name: 'author_joiner_function', arguments: { requirement: 'x', family: 'nope' } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(McpError);
  });

  it('completes family names', async () => {
    const completed = await client.complete({ ref: { type: 'ref/prompt', name: 'author_joiner_function' }, argument: { name: 'family', value: 'u' } });
    expect(completed.completion.values).toEqual(['username']);
  });
});
