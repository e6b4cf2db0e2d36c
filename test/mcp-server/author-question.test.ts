// author_function when the author asks a clarifying question: without elicitation the question comes back
// as a structured result (not an error) for the assistant to relay, and a call with `answers` continues;
// with elicitation the person is asked in a form with one enum field and the same call goes on.

import { afterAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { ElicitRequestSchema, type ElicitRequest, type ElicitResult } from '@modelcontextprotocol/sdk/types.js';
import { createScriptedClient, type ScriptedReply } from '../../agent/index.ts';
import { createServer } from '../../mcp-server/index.ts';
import { PREFIX_QUESTION, reply, tool, writeAndFinish } from '../agent/scripted-replies.ts';
import { createHarness, structured } from './harness.ts';

const REQUIREMENT = 'Greet new joiners by first name; contractors are marked.';
const ASK = reply(tool('ask_admin', PREFIX_QUESTION));
const harness = createHarness();
const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const close of closers) await close();
  await harness.close();
});

/** The scripted model serves `replies` to the next author_function call. */
let replies: ScriptedReply[] = [];
const deps = { ...harness.deps, createModel: async () => createScriptedClient({ replies: replies.splice(0) }) };

async function connect(name: string, answer?: (request: ElicitRequest) => ElicitResult) {
  const mcp = createServer({ ...deps, localPrincipal: { name, role: 'author' } });
  const client = new Client({ name, version: '0.0.0' }, answer ? { capabilities: { elicitation: {} } } : {});
  if (answer) client.setRequestHandler(ElicitRequestSchema, async (request) => answer(request));
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await Promise.all([mcp.server.connect(serverSide), client.connect(clientSide)]);
  closers.push(async () => {
    await client.close();
    await mcp.close();
  });
  return client;
}

async function authorWith(client: Client, served: ScriptedReply[], args: Record<string, unknown> = {}) {
  replies = served;
  const result = await client.callTool({ name: 'author_function', arguments: { requirement: REQUIREMENT, ...args } });
  return { result, output: structured(result) };
}

describe('author_function and a clarifying question', () => {
  it('returns the question for the assistant to relay, then continues with answers', async () => {
    const client = await connect('ann');
    const asked = await authorWith(client, [ASK]);
    expect(asked.result.isError).toBeFalsy();
    expect(asked.output).toMatchObject({ ok: false, stop: 'needs-answer', question: PREFIX_QUESTION, draft: null });
    expect(asked.output.reason).toContain('Contractors: prefix c-?');
    expect(asked.output.nextSteps.join(' ')).toContain('answers: ["<key or their sentence>"]');

    const answered = await authorWith(client, [ASK, ...writeAndFinish()], { answers: ['y'] });
    expect(answered.output).toMatchObject({ ok: true, stop: 'finished', question: null, draft: { name: 'greet-joiner' } });
    expect(harness.deps.drafts.get('ann', 'greet-joiner')?.requirement).toBe(`${REQUIREMENT}\nClarification: Contractor usernames start with c-.`);
  });

  it('takes a sentence of the person\'s own as a clarification, and reports a key that names no choice', async () => {
    const client = await connect('ben');
    const own = await authorWith(client, writeAndFinish(), { answers: ['Contractors get no prefix at all.'] });
    expect(own.output).toMatchObject({ ok: true });
    expect(harness.deps.drafts.get('ben', 'greet-joiner')?.requirement).toBe(`${REQUIREMENT}\nClarification: Contractors get no prefix at all.`);
    const wrong = await authorWith(client, [ASK], { answers: ['maybe'], name: 'other-greeting' });
    expect(wrong.output).toMatchObject({ stop: 'needs-answer', question: PREFIX_QUESTION });
    expect(wrong.output.nextSteps[0]).toContain('The answers ["maybe"] named no choice.');
  });

  it('asks through elicitation, with one enum field, and goes on in the same call', async () => {
    const forms: ElicitRequest['params'][] = [];
    const client = await connect('cat', (request) => {
      forms.push(request.params);
      return { action: 'accept', content: { answer: 'n' } };
    });
    const { output } = await authorWith(client, [ASK, ...writeAndFinish()]);
    expect(output).toMatchObject({ ok: true, stop: 'finished', question: null });
    expect(forms).toHaveLength(1);
    expect(forms[0]?.message).toContain('Contractors: prefix c-?');
    const answer = { type: 'string', enum: ['y', 'n'], enumNames: ['yes, prefix c-', 'no prefix'] };
    expect(forms[0]).toMatchObject({ requestedSchema: { properties: { answer }, required: ['answer'] } });
    expect(harness.deps.drafts.get('cat', 'greet-joiner')?.requirement).toBe(`${REQUIREMENT}\nClarification: Contractor usernames get no prefix.`);
  });

  it('returns the question when the person declines the form', async () => {
    const client = await connect('dan', () => ({ action: 'decline' }));
    const { result, output } = await authorWith(client, [ASK]);
    expect(result.isError).toBeFalsy();
    expect(output).toMatchObject({ stop: 'needs-answer', question: PREFIX_QUESTION });
  });

  it('refuses answers that would make the requirement too long, before spending anything', async () => {
    const client = await connect('eve');
    const { result, output } = await authorWith(client, [], { answers: ['x '.repeat(10_000)] });
    expect(result.isError).toBe(true);
    expect(output.code).toBe('INVALID_INPUT');
  });
});
