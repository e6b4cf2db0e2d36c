// Registers the prompts: authoring a joiner function, and reviewing a version.

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { guardRead } from '../boundary/read-errors.ts';
import type { McpServerDeps } from '../deps.ts';
import { loadAgent } from '../load-agent.ts';
import { authorJoinerFunctionArgs, authorJoinerFunctionPrompt } from './author-joiner-function.ts';
import { reviewFunctionArgs, reviewFunctionPrompt } from './review-function.ts';

export function registerPrompts(server: McpServer, deps: McpServerDeps, log: (line: string) => void): void {
  server.registerPrompt(
    'author_joiner_function',
    { title: 'Author a joiner function', description: 'Write, test and publish a function for a joiner rule yourself, with the SDK, the fixture format and the fitting template attached', argsSchema: authorJoinerFunctionArgs(deps.templates) },
    async ({ requirement, family }) =>
      guardRead('prompt author_joiner_function', async () => {
        const { RECOGNIZERS } = await loadAgent();
        return authorJoinerFunctionPrompt(requirement, family, deps.templates, RECOGNIZERS);
      }, log),
  );
  server.registerPrompt(
    'review_function',
    { title: 'Review a version', description: 'Review one version: the checklist, the requirement it was written for, the change since the active version, and its spec, source and fixtures', argsSchema: reviewFunctionArgs(deps.registry) },
    async ({ name, version }) => guardRead('prompt review_function', () => reviewFunctionPrompt(deps.registry, name, version), log),
  );
}
