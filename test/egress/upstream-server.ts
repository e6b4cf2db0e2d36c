// A loopback upstream for the egress tests: real sockets on 127.0.0.1, routes for each behaviour under test.

import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The TLS SNI name the client sent, for https upstreams. */
  servername?: string | false | null;
}

export interface Upstream {
  /** `http://127.0.0.1:<port>` (or https), no trailing slash. */
  origin: string;
  port: number;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const TWO_MIB = 2 * 1024 * 1024;

export async function startUpstream({ tls }: { tls?: { key: string; cert: string } } = {}): Promise<Upstream> {
  const requests: RecordedRequest[] = [];
  const handler = (request: IncomingMessage, response: ServerResponse) => {
    void handle(request, response, requests);
  };
  const server = tls === undefined ? http.createServer(handler) : https.createServer(tls, handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${tls === undefined ? 'http' : 'https'}://127.0.0.1:${port}`,
    port,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function handle(request: IncomingMessage, response: ServerResponse, requests: RecordedRequest[]): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk);
  const url = new URL(request.url ?? '/', 'http://upstream.invalid');
  const recorded: RecordedRequest = {
    method: request.method ?? '',
    path: request.url ?? '',
    headers: request.headers,
    body: Buffer.concat(chunks).toString('utf8'),
    servername: (request.socket as Partial<TLSSocket>).servername,
  };
  requests.push(recorded);
  const route = url.pathname.split('/')[1] ?? '';
  if (route === 'json') {
    response.setHeader('set-cookie', ['a=1', 'b=2']);
    response.setHeader('x-multi', ['one', 'two']);
    sendJson(response, 200, { hello: 'world', unicode: 'Zoë 東京' });
  } else if (route === 'echo') {
    sendJson(response, 200, recorded);
  } else if (route === 'status') {
    sendJson(response, Number(url.searchParams.get('code')), { error: 'as asked' });
  } else if (route === 'bytes') {
    sendBytes(response, Number(url.searchParams.get('n')), url.searchParams.has('chunked'));
  } else if (route === 'big') {
    sendBytes(response, TWO_MIB, url.searchParams.has('chunked'));
  } else if (route === 'redirect') {
    response.writeHead(Number(url.searchParams.get('status') ?? 302), { location: url.searchParams.get('to') ?? '/json' });
    response.end();
  } else if (route === 'hang') {
    // Never answers; the client's deadline must end the exchange.
  } else {
    sendJson(response, 404, { error: 'no such route' });
  }
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

/** `n` bytes of "x"; without a content-length when chunked, so only the streamed count can catch it. */
function sendBytes(response: ServerResponse, totalBytes: number, chunked: boolean): void {
  response.writeHead(200, chunked ? { 'content-type': 'text/plain' } : { 'content-type': 'text/plain', 'content-length': totalBytes });
  const chunk = Buffer.alloc(64 * 1024, 'x');
  let sent = 0;
  const writeMore = () => {
    while (sent < totalBytes) {
      const piece = chunk.subarray(0, Math.min(chunk.length, totalBytes - sent));
      sent += piece.length;
      if (!response.write(piece)) return void response.once('drain', writeMore);
    }
    response.end();
  };
  response.on('error', () => {});
  writeMore();
}
