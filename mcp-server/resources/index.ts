// Registers every resource: the documents, each version's parts, the caller's drafts, and the templates.

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { McpServerDeps } from '../deps.ts';
import { guardRead } from '../boundary/read-errors.ts';
import { DOCUMENTS } from './documents.ts';
import { draftTemplate, readDraftPart } from './draft-resources.ts';
import { readTemplate, templatesTemplate } from './template-resources.ts';
import { readVersionPart, versionTemplate, type VersionPart } from './version-resources.ts';

const PART_TITLES: Record<VersionPart, string> = { source: 'Source', spec: 'Spec', fixtures: 'Fixtures' };

export function registerResources(server: McpServer, deps: McpServerDeps, log: (line: string) => void): void {
  for (const document of DOCUMENTS) {
    const { uri, name, title, description, mimeType } = document;
    server.registerResource(name, uri, { title, description, mimeType }, async (url) =>
      guardRead(`reading ${uri}`, () => ({ contents: [{ uri: url.href, mimeType, text: document.text() }] }), log),
    );
  }
  for (const part of ['source', 'spec', 'fixtures'] as const) {
    const description = `{version}: a number, latest or active`;
    server.registerResource(`version-${part}`, versionTemplate(deps.registry, part), { title: `${PART_TITLES[part]} of a version`, description }, async (url, variables) =>
      guardRead(`reading ${url.href}`, () => {
        const { text, mimeType } = readVersionPart(deps.registry, part, variables);
        return { contents: [{ uri: url.href, mimeType, text }] };
      }, log),
    );
    server.registerResource(`draft-${part}`, draftTemplate(deps, part), { title: `${PART_TITLES[part]} of one of your drafts`, description: 'only your own drafts' }, async (url, variables, extra) =>
      guardRead(`reading ${url.href}`, () => {
        const { text, mimeType } = readDraftPart(deps, extra, part, variables);
        return { contents: [{ uri: url.href, mimeType, text }] };
      }, log),
    );
  }
  server.registerResource('template', templatesTemplate(deps.templates), { title: 'Rule-family template', description: 'A tested function for one rule family, with its fixtures', mimeType: 'text/markdown' }, async (url, variables) =>
    guardRead(`reading ${url.href}`, () => ({ contents: [{ uri: url.href, mimeType: 'text/markdown', text: readTemplate(deps.templates, variables.family) }] }), log),
  );
}

export { CONTRACT_URI, CONVENTIONS_URI, FIXTURE_FORMAT_URI, SDK_URI, fixtureFormatText, sdkText } from './documents.ts';
export { completeFunctionName, completeVersion } from './completions.ts';
export { draftUri } from './draft-resources.ts';
export { renderTemplate, templateUri } from './template-resources.ts';
export { readVersionPart, versionUri, type VersionPart } from './version-resources.ts';
export { registerReviewApp } from './review-app.ts';
