// The rule-family templates (templates/<family>/) as resources: joinery://templates/{family} is the
// README, the function and its fixtures in one Markdown document, ready to adapt.

import { ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { TemplateEntry } from '../../agent/index.ts';
import { JoineryError } from '../../core/errors.ts';

export function templateUri(family: string): string {
  return `joinery://templates/${family}`;
}

export function templatesTemplate(templates: readonly TemplateEntry[]): ResourceTemplate {
  return new ResourceTemplate('joinery://templates/{family}', {
    list: async () => ({
      resources: templates.map((entry) => ({ uri: templateUri(entry.family), name: `template-${entry.family}`, title: `Template: ${entry.family}`, description: entry.description, mimeType: 'text/markdown' })),
    }),
    complete: { family: (value) => templates.map((entry) => entry.family).filter((family) => family.startsWith(value)) },
  });
}

export function readTemplate(templates: readonly TemplateEntry[], family: unknown): string {
  const entry = templates.find((candidate) => candidate.family === family);
  if (!entry) throw new JoineryError('NOT_FOUND', `no template named ${JSON.stringify(String(family)).slice(0, 80)}; list them with resources/list`);
  return renderTemplate(entry);
}

export function renderTemplate(entry: TemplateEntry): string {
  return [
    entry.readme.trim() || `# ${entry.family}\n\n${entry.description}`,
    '',
    `## ${entry.family}.ts`,
    '',
    '```ts',
    entry.source.trimEnd(),
    '```',
    '',
    `## ${entry.family}.fixtures.json`,
    '',
    '```json',
    entry.fixturesText.trimEnd(),
    '```',
    '',
  ].join('\n');
}
