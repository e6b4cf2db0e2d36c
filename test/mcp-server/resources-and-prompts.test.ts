// Every resource and prompt through a real Client: the SDK, the contract, the fixture format and the
// conventions; each version's source, spec and fixtures (listed and read); the templates; and the two
// prompts with their embedded resources.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { conventionsText } from '../../agent/index.ts';
import { SDK_DECLARATIONS } from '../../core/sdk/index.ts';
import { createHarness } from './harness.ts';
import { SAMPLE_NAME, SAMPLE_SPEC } from './sample-function.ts';

const harness = createHarness();
let reader: Client;
beforeAll(async () => {
  reader = await harness.connect({ name: 'rita', role: 'reviewer' });
  await harness.publishApproved();
  await harness.publishApproved({ suffixStart: 2 });
});
afterAll(() => harness.close());

const textOf = (result: { contents: Array<Record<string, unknown>> }) => String(result.contents[0]?.text);

describe('resources', () => {
  it('serves the SDK declarations, the contract and its fixture-format section', async () => {
    expect(textOf(await reader.readResource({ uri: 'joinery://sdk/index.d.ts' }))).toBe(SDK_DECLARATIONS);
    const contract = textOf(await reader.readResource({ uri: 'joinery://docs/contract.md' }));
    expect(contract).toContain('# The function contract and the fixture format');
    const format = textOf(await reader.readResource({ uri: 'joinery://docs/fixture-format.md' }));
    expect(format.startsWith('## A fixture file')).toBe(true);
    expect(format).toContain('expect.calls');
    expect(format).not.toContain('## The event');
    expect(format).toContain('### Test semantics');
  });

  it('serves the conventions the author\'s system prompt carries, listed with the other documents', async () => {
    const conventions = textOf(await reader.readResource({ uri: 'joinery://docs/conventions.md' }));
    expect(conventions).toBe(conventionsText());
    expect(Buffer.byteLength(conventions)).toBeLessThanOrEqual(3 * 1024);
    const { resources } = await reader.listResources();
    expect(resources.find((resource) => resource.uri === 'joinery://docs/conventions.md')).toMatchObject({ name: 'conventions', mimeType: 'text/markdown' });
  });

  it('lists each version\'s source, spec and fixtures, and the templates', async () => {
    const { resources } = await reader.listResources();
    const uris = resources.map((resource) => resource.uri);
    for (const version of [1, 2]) {
      for (const part of ['source', 'spec', 'fixtures']) expect(uris).toContain(`joinery://functions/${SAMPLE_NAME}/versions/${version}/${part}`);
    }
    expect(uris).toContain('joinery://templates/username');
    expect(uris.filter((uri) => uri.startsWith('joinery://templates/'))).toHaveLength(harness.deps.templates.length);
    const { resourceTemplates } = await reader.listResourceTemplates();
    expect(resourceTemplates.map((template) => template.uriTemplate).sort()).toEqual([
      'joinery://drafts/{name}/fixtures',
      'joinery://drafts/{name}/source',
      'joinery://drafts/{name}/spec',
      'joinery://functions/{name}/versions/{version}/fixtures',
      'joinery://functions/{name}/versions/{version}/source',
      'joinery://functions/{name}/versions/{version}/spec',
      'joinery://templates/{family}',
    ]);
  });

  it('reads a version\'s source, spec and fixtures', async () => {
    const base = `joinery://functions/${SAMPLE_NAME}/versions/2`;
    const source = await reader.readResource({ uri: `${base}/source` });
    expect(source.contents[0]).toMatchObject({ mimeType: 'text/typescript', text: expect.stringContaining('let n = 2') });
    expect(textOf(await reader.readResource({ uri: `${base}/spec` }))).toBe(SAMPLE_SPEC);
    expect(JSON.parse(textOf(await reader.readResource({ uri: `${base}/fixtures` })))).toHaveLength(2);
  });

  it('reads a template as its README, function and fixtures', async () => {
    const text = textOf(await reader.readResource({ uri: 'joinery://templates/username' }));
    expect(text).toContain('## username.ts');
    expect(text).toContain('## username.fixtures.json');
  });

  it('answers a missing version or template with a JSON-RPC error carrying NOT_FOUND', async () => {
    for (const uri of [`joinery://functions/${SAMPLE_NAME}/versions/9/source`, 'joinery://functions/nope/versions/1/spec', 'joinery://templates/nope', 'joinery://functions/..%2F..%2Fetc/versions/1/source']) {
      const error = await reader.readResource({ uri }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(McpError);
      expect((error as McpError).data).toEqual({ code: 'NOT_FOUND' });
      expect((error as McpError).message).not.toMatch(/\/(home|work|tmp)\//);
    }
  });
});

describe('prompts', () => {
  it('lists both prompts with their arguments', async () => {
    const { prompts } = await reader.listPrompts();
    expect(prompts.map((prompt) => [prompt.name, prompt.arguments?.map((argument) => argument.name)])).toEqual([
      ['author_joiner_function', ['requirement', 'family']],
      ['review_function', ['name', 'version']],
    ]);
  });

  it('author_joiner_function embeds the SDK, the fixture format and the closest template', async () => {
    const prompt = await reader.getPrompt({ name: 'author_joiner_function', arguments: { requirement: 'Issue a Temporary Access Pass on day 1 and send it to the manager' } });
    const [task, ...embedded] = prompt.messages;
    expect(task?.content).toMatchObject({ type: 'text', text: expect.stringContaining('Temporary Access Pass') });
    expect(embedded.map((message) => message.content.type === 'resource' && message.content.resource.uri)).toEqual([
      'joinery://sdk/index.d.ts', 'joinery://docs/fixture-format.md', 'joinery://docs/conventions.md', 'joinery://templates/tap',
    ]);
  });

  it('review_function embeds the version\'s spec, source and fixtures, and the change since the active version', async () => {
    await harness.publishApproved({ suffixStart: 3 });
    harness.registry.activate(SAMPLE_NAME, 2);
    const prompt = await reader.getPrompt({ name: 'review_function', arguments: { name: SAMPLE_NAME, version: '3' } });
    const texts = prompt.messages.map((message) => (message.content.type === 'text' ? message.content.text : ''));
    expect(texts[0]).toContain(`Review ${SAMPLE_NAME}@3`);
    expect(texts[0]).toContain('authored by alice');
    expect(texts[1]).toContain(`Changes since ${SAMPLE_NAME}@2 (active)`);
    expect(texts[1]).toContain('+    for (let n = 3;');
    const uris = prompt.messages.flatMap((message) => (message.content.type === 'resource' ? [message.content.resource.uri] : []));
    expect(uris).toEqual(['spec', 'source', 'fixtures'].map((part) => `joinery://functions/${SAMPLE_NAME}/versions/3/${part}`));
  });

  it('answers an unknown version or a malformed argument with an error', async () => {
    const missing = await reader.getPrompt({ name: 'review_function', arguments: { name: SAMPLE_NAME, version: '42' } }).catch((caught: unknown) => caught);
    expect((missing as McpError).data).toEqual({ code: 'NOT_FOUND' });
    const malformed = await reader.getPrompt({ name: 'review_function', arguments: { name: '../../x', version: 'one' } }).catch((caught: unknown) => caught);
    expect(malformed).toBeInstanceOf(McpError);
  });
});
