// Tools that read: the SDK contract, the templates, and the shape of the directory.

import * as z from 'zod';
import { SDK_DECLARATIONS } from '../../core/sdk/index.ts';
import { FIXTURE_FORMAT_GUIDE } from '../loop/fixture-format-guide.ts';
import { defineTool } from './tool.ts';

export const readSdkTool = defineTool({
  name: 'read_sdk',
  description: 'Read the SDK contract (.d.ts of @joinery/sdk), the sandbox globals, and the fixture format.',
  input: z.strictObject({}),
  async run() {
    return { content: `${SDK_DECLARATIONS}\n\n${FIXTURE_FORMAT_GUIDE}` };
  },
});

export const listTemplatesTool = defineTool({
  name: 'list_templates',
  description: 'List the template families (a tested function and fixtures for a common joiner rule).',
  input: z.strictObject({}),
  async run(_input, session) {
    if (session.templates.length === 0) return { content: 'No templates are installed.' };
    return { content: session.templates.map((template) => `- ${template.family}: ${template.description}`).join('\n') };
  },
});

export const readTemplateTool = defineTool({
  name: 'read_template',
  description: 'Read one template: its source (parameters at the top) and its fixtures.',
  input: z.strictObject({ family: z.string().min(1).max(64) }),
  async run({ family }, session) {
    const template = session.templates.find((candidate) => candidate.family === family);
    if (!template) {
      return { content: `No template "${family}". Known: ${session.templates.map((candidate) => candidate.family).join(', ')}`, isError: true };
    }
    return { content: `// ${template.family}.ts\n${template.source}\n\n// ${template.family}.fixtures.json\n${template.fixturesText}` };
  },
});

export const describeDirectoryTool = defineTool({
  name: 'describe_directory',
  description: 'Describe the directory functions query through ctx.directory: the user fields and a few example users.',
  input: z.strictObject({}),
  async run(_input, session) {
    const sample = session.directorySample.slice(0, 5);
    return {
      content: [
        'DirectoryUser fields: id, username, email, displayName, employeeId, department, status (active|disabled|provisioned), groups (string[]).',
        'isUsernameTaken(name) is case-insensitive and also true for retired names (never reused).',
        'To choose a new username or email, claim each candidate with reserveUsername(name) / reserveEmail(address): true means it is this event\'s (atomic; two joiners at once never get the same one).',
        sample.length > 0 ? `Example users:\n${sample.map((user) => JSON.stringify(user)).join('\n')}` : 'The live directory is empty here; fixtures supply their own directory.',
      ].join('\n'),
    };
  },
});
