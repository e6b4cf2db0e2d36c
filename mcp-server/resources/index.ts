// Registers every resource: the documents, each version's parts, and the templates.

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { McpServerDeps } from '../deps.ts';
import { guardRead } from '../boundary/read-errors.ts';
import { DOCUMENTS } from './documents.ts';
import { readTemplate, templatesTemplate } from './template-resources.ts';
import { readVersionPart, versionTemplate, type VersionPart } from './version-resources.ts';

export function registerResources(server: McpServer, deps: McpServerDeps, log: (line: string) => void): void {
  for (const document of DOCUMENTS) {
    const { uri, name, title, description, mimeType } = document;
    server.registerResource(name, uri, { title, description, mimeType }, async (url) =>
      guardRead(`reading ${uri}`, () => ({ contents: [{ uri: url.href, mimeType, text: document.text() }] }), log),
    );
  }
  const parts: Array<[VersionPart, string]> = [
    ['source', 'The TypeScript source of a stored version'],
    ['spec', 'The spec (Markdown) a stored version was published with'],
    ['fixtures', 'The fixtures (JSON) a stored version was tested with'],
  ];
  for (const [part, description] of parts) {
    server.registerResource(`version-${part}`, versionTemplate(deps.registry, part), { title: `Version ${part}`, description }, async (url, variables) =>
      guardRead(`reading ${url.href}`, () => {
        const { text, mimeType } = readVersionPart(deps.registry, part, variables);
        return { contents: [{ uri: url.href, mimeType, text }] };
      }, log),
    );
  }
  server.registerResource('template', templatesTemplate(deps.templates), { title: 'Rule-family template', description: 'A working, tested function for one joiner rule family, with its fixtures', mimeType: 'text/markdown' }, async (url, variables) =>
    guardRead(`reading ${url.href}`, () => ({ contents: [{ uri: url.href, mimeType: 'text/markdown', text: readTemplate(deps.templates, variables.family) }] }), log),
  );
}

export { CONTRACT_URI, FIXTURE_FORMAT_URI, SDK_URI, fixtureFormatText, sdkText } from './documents.ts';
export { renderTemplate, templateUri } from './template-resources.ts';
export { readVersionPart, versionUri } from './version-resources.ts';
