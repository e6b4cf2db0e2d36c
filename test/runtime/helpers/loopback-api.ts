// A loopback API for the secret tests: POST /token answers a client-credentials grant with a numbered
// access token; every other path echoes the request it got (method, path, headers, body) as JSON.

import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface LoopbackApi {
  port: number;
  /** Every request, in order, token requests included. */
  requests: SeenRequest[];
  /** How many tokens were issued; the n-th is "access-token-n". */
  tokensIssued(): number;
  close(): Promise<void>;
}

export async function startLoopbackApi({ expiresInSeconds = 3600 }: { expiresInSeconds?: number } = {}): Promise<LoopbackApi> {
  const requests: SeenRequest[] = [];
  let issued = 0;
  const server = http.createServer((request, response) => {
    void readBody(request).then((body) => {
      const seen: SeenRequest = { method: request.method ?? '', path: request.url ?? '', headers: request.headers, body };
      requests.push(seen);
      if (seen.path === '/token') {
        issued += 1;
        sendJson(response, 200, { token_type: 'Bearer', expires_in: expiresInSeconds, access_token: `access-token-${issued}` });
      } else {
        sendJson(response, 200, seen);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    tokensIssued: () => issued,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}
