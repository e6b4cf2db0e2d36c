// Tools that write the draft: the spec first, then the function and its fixtures.

import * as z from 'zod';
import { parseFixtures } from '../../core/fixtures/index.ts';
import { renderSpec, specSchema } from '../loop/spec.ts';
import { defineTool } from './tool.ts';

export const writeSpecTool = defineTool({
  name: 'write_spec',
  description:
    'Write or replace the structured spec. Call this FIRST, before any code: what the function decides, the inputs it reads, its output, egress hosts, secrets, its rules in order, and the edge cases the fixtures will cover (hard names: ø, ß, æ, ł, apostrophes, hyphens, 20-character limits, clashes, retired names, contractors, failures of outside systems).',
  input: z.strictObject({ spec: specSchema }),
  async run({ spec }, session) {
    session.draft.spec = spec;
    session.progress(`spec written: ${spec.name}`);
    return { content: `Spec saved. It will be shown to the admin as:\n\n${renderSpec(spec)}` };
  },
});

export const writeFunctionTool = defineTool({
  name: 'write_function',
  description:
    "Write or replace the whole TypeScript function file. It imports only from '@joinery/sdk' (and allowlisted packages) and has `export default defineFunction({...})`. The name, trigger, egress and secrets must match the spec.",
  input: z.strictObject({ source: z.string().min(1).max(200_000) }),
  async run({ source }, session) {
    if (!session.draft.spec) return { content: 'Write the spec first (write_spec), then the function.', isError: true };
    session.draft.source = source;
    session.draft.lastTest = undefined;
    session.progress(`function written (${source.split('\n').length} lines)`);
    return { content: `Function saved (${source.split('\n').length} lines). Run run_fixtures to check and test it.` };
  },
});

export const writeFixturesTool = defineTool({
  name: 'write_fixtures',
  description:
    'Write or replace the fixture tests: a JSON array of test cases in the fixture format (read_sdk shows it). Cover every example in the requirement and every edge case in the spec.',
  input: z.strictObject({ fixtures: z.array(z.unknown()).min(1).max(200) }),
  async run({ fixtures }, session) {
    if (!session.draft.spec) return { content: 'Write the spec first (write_spec), then the fixtures.', isError: true };
    const parsed = parseFixtures(fixtures);
    if (!parsed.ok) {
      return { content: `The fixtures are malformed; nothing was saved:\n${parsed.errors.map((error) => `- ${error.path}: ${error.message}`).join('\n')}`, isError: true };
    }
    session.draft.fixturesText = JSON.stringify(fixtures, null, 2) + '\n';
    session.draft.lastTest = undefined;
    session.progress(`${fixtures.length} fixtures written`);
    return { content: `${fixtures.length} fixtures saved. Run run_fixtures.` };
  },
});
