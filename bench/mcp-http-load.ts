// A lean load generator for `joinery mcp --http`: each client is one MCP session spoken over keep-alive
// node:http (initialize, notifications/initialized, then tools/call requests, each answer read from its
// SSE event), without the SDK client. On a 2-core machine the SDK client's own CPU per call (schema
// validation, SSE parsing, fetch) is a large share of the machine, so the server's throughput is measured
// with this one as well; the bench prints both.

import { Agent, request } from 'node:http';

interface Answer {
  status: number;
  session: string | undefined;
  body: string;
}

export interface LeanClient {
  call(name: string, args: Record<string, unknown>): Promise<{ structuredContent?: unknown; isError?: boolean }>;
  close(): void;
}

export async function connectLeanClient(url: string, token: string): Promise<LeanClient> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const target = new URL(url);
  let session: string | undefined;
  let nextId = 1;

  const post = (payload: unknown): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify(payload);
      const headers: Record<string, string> = {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'content-length': String(Buffer.byteLength(body)),
        'mcp-protocol-version': '2025-06-18',
      };
      if (session !== undefined) headers['mcp-session-id'] = session;
      const outgoing = request({ host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers, agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const id = response.headers['mcp-session-id'];
          resolve({ status: response.statusCode ?? 0, session: typeof id === 'string' ? id : undefined, body: Buffer.concat(chunks).toString('utf8') });
        });
        response.on('error', reject);
      });
      outgoing.on('error', reject);
      outgoing.end(body);
    });

  const rpc = async (method: string, params: unknown): Promise<{ result?: unknown; error?: unknown }> => {
    const id = nextId++;
    const answer = await post({ jsonrpc: '2.0', id, method, params });
    // The SSE stream may carry notifications (log messages) before the answer to this request.
    const events = answer.body.split('\n').filter((line) => line.startsWith('data: ')).map((line) => line.slice('data: '.length));
    const messages = (events.length > 0 ? events : [answer.body]).map((text) => JSON.parse(text) as { id?: unknown; result?: unknown; error?: unknown });
    const message = messages.find((candidate) => candidate.id === id);
    if (answer.status !== 200 || message === undefined || message.error !== undefined) {
      throw new Error(`${method} failed (${answer.status}): ${answer.body.slice(0, 300)}`);
    }
    session ??= answer.session;
    return message;
  };

  await rpc('initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench-lean', version: '0' } });
  const initialized = await post({ jsonrpc: '2.0', method: 'notifications/initialized' });
  if (initialized.status !== 202) throw new Error(`notifications/initialized answered ${initialized.status}`);
  return {
    async call(name, args) {
      return (await rpc('tools/call', { name, arguments: args })).result as { structuredContent?: unknown; isError?: boolean };
    },
    close: () => agent.destroy(),
  };
}
