// review_function's MCP App: the tool's listing points at a ui:// resource served as an MCP App; a call
// without a decision returns the review page (requirement, diff, fixtures, behavioural diff) for the
// app to render and as text for other clients; the same four-eyes rules hold for decisions.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESOURCE_MIME_TYPE } from '@modelcontextprotocol/ext-apps/server';
import { publishFunction } from '../../core/pipeline/index.ts';
import { REQUIREMENT } from '../console/console-harness.ts';
import { usernameFixtures, usernameSource } from '../../bench/console-username.ts';
import { createHarness, structured, type Harness } from './harness.ts';

let harness: Harness;
beforeAll(async () => {
  harness = createHarness();
  const { registry, toolchain } = harness.deps;
  const first = await publishFunction({
    source: usernameSource({ oSlash: 'oe' }),
    fixturesText: usernameFixtures({ soren: 'soedegard' }),
    author: 'alice',
    toolchain,
    registry,
  });
  if (!first.ok) throw new Error('publish failed');
  registry.review({
    name: 'generate-username',
    version: 1,
    reviewer: 'carol',
    decision: 'approved',
  });
  const second = await publishFunction({
    source: usernameSource({ oSlash: 'o' }),
    fixturesText: usernameFixtures({ soren: 'sodegard' }),
    author: 'agent:functions-author',
    requestedBy: 'alice',
    requirement: REQUIREMENT,
    toolchain,
    registry,
  });
  if (!second.ok) throw new Error('publish failed');
}, 120_000);
afterAll(async () => harness?.close());

describe('the review page as an MCP App', () => {
  it('lists review_function with its ui:// resource, served as text/html;profile=mcp-app with no network reach', async () => {
    const client = await harness.connect({ name: 'rosa', role: 'reviewer' });
    const tool = (await client.listTools()).tools.find((listed) => listed.name === 'review_function');
    const uri = (tool?._meta as { ui?: { resourceUri?: string } } | undefined)?.ui?.resourceUri;
    expect(uri).toBe('ui://joinery/review');
    const resource = await client.readResource({ uri: String(uri) });
    const content = resource.contents[0] as {
      mimeType?: string;
      text?: string;
    };
    expect(content.mimeType).toBe(RESOURCE_MIME_TYPE);
    expect(content.text).toContain('ui/initialize');
    expect(content.text).not.toMatch(/https?:\/\//);
    expect(content.text).not.toContain('innerHTML');
  });

  it('answers a call without a decision with the review page, behavioural diff included', async () => {
    const client = await harness.connect({ name: 'rosa', role: 'reviewer' });
    const result = await client.callTool({
      name: 'review_function',
      arguments: { name: 'generate-username', version: 2 },
    });
    const { page, review } = structured(result);
    expect(review).toBeNull();
    expect(page.requirement).toBe(REQUIREMENT);
    expect(page.sourceDiff).toContain("+const SPELLINGS: Record<string, string> = { ø: 'o'");
    expect(page.fixtures.map((fixture: { name: string }) => fixture.name)).toContain('Danish ø');
    expect(page.behaviour.changed).toEqual([
      {
        label: 'Søren Ødegård',
        source: 'fixture',
        changes: [
          {
            path: 'output.username',
            before: '"soedegard"',
            after: '"sodegard"',
          },
        ],
      },
    ]);
    expect(page.mayReview).toBe(true);
    expect((result.content as Array<{ text: string }>)[0]?.text).toContain('Søren Ødegård');
    expect(harness.registry.getVersion('generate-username', 2)?.status).toBe('pending_review');
  });

  it('tells the requester they cannot decide, and refuses their decision', async () => {
    const client = await harness.connect({ name: 'alice', role: 'reviewer' });
    const { page } = structured(
      await client.callTool({
        name: 'review_function',
        arguments: { name: 'generate-username', version: 2 },
      }),
    );
    expect(page.mayReview).toBe(false);
    expect(page.reviewBlockedBecause).toContain('you requested it');
    const refused = await client.callTool({
      name: 'review_function',
      arguments: { name: 'generate-username', version: 2, decision: 'approve' },
    });
    expect(refused.isError).toBe(true);
    expect(structured(refused).code).toBe('FORBIDDEN');
  });

  it("records the app's approval like any other: the version becomes active", async () => {
    const client = await harness.connect({ name: 'rosa', role: 'reviewer' });
    const result = await client.callTool({
      name: 'review_function',
      arguments: {
        name: 'generate-username',
        version: 2,
        decision: 'approve',
        comment: 'ø → o as asked',
      },
    });
    expect(structured(result)).toMatchObject({
      review: { decision: 'approved', reviewer: 'rosa' },
      activeVersion: 2,
    });
  });
});
