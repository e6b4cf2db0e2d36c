// One HTTP exchange, no redirects followed. The socket goes to the address resolve-target.ts checked (a
// pinned lookup), while the Host header, TLS SNI and certificate checks stay on the URL's host name.

import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction as SocketLookup } from 'node:net';
import type { IncomingResponse } from '../../core/execution/types.ts';
import { unbracket } from '../../core/hosts/index.ts';
import { EgressFailure } from './network-error.ts';
import type { PreparedRequest } from './outgoing-request.ts';
import type { ResolvedAddress } from './resolve-target.ts';

export interface SendOnceOptions {
  request: PreparedRequest;
  target: ResolvedAddress;
  signal: AbortSignal;
  maxResponseBytes: number;
  /** Extra trust anchors, for tests only; the system's roots are used otherwise. */
  tlsCa?: string | string[] | undefined;
}

/** Resolves with any status (redirects included); rejects with the raw network error or the size cap. */
export function sendOnce({ request, target, signal, maxResponseBytes, tlsCa }: SendOnceOptions): Promise<IncomingResponse> {
  const { method, url, headers, body } = request;
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise<IncomingResponse>((resolve, reject) => {
    const outgoing = transport.request(
      {
        hostname: unbracket(url.hostname),
        port: url.port === '' ? undefined : Number(url.port),
        path: `${url.pathname}${url.search}`,
        method,
        headers: body === undefined ? headers : { ...headers, 'content-length': String(body.length) },
        agent: false, // no pooled socket outlives the policy that checked its address
        lookup: pinnedLookup(target),
        signal,
        ...(tlsCa === undefined ? {} : { ca: tlsCa }),
      },
      (response) => {
        readResponse(response, { maxResponseBytes, bodyExpected: method !== 'HEAD' })
          .then(resolve, reject)
          .finally(() => outgoing.destroy());
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** A resolver that can only answer with the checked address, whatever name the socket asks for. */
function pinnedLookup({ address, family }: ResolvedAddress): SocketLookup {
  return (_hostname, options, callback) => {
    process.nextTick(() => {
      if (options.all === true) callback(null, [{ address, family }]);
      else callback(null, address, family);
    });
  };
}

async function readResponse(
  response: IncomingMessage,
  { maxResponseBytes, bodyExpected }: { maxResponseBytes: number; bodyExpected: boolean },
): Promise<IncomingResponse> {
  // A HEAD response declares the length of a body it does not send.
  const declaredBytes = bodyExpected ? Number(response.headers['content-length'] ?? 0) : 0;
  if (declaredBytes > maxResponseBytes) {
    response.destroy();
    throw responseTooLarge(maxResponseBytes);
  }
  const chunks: Buffer[] = [];
  let totalBytes = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    totalBytes += chunk.length;
    if (totalBytes > maxResponseBytes) throw responseTooLarge(maxResponseBytes); // leaving the loop destroys the stream
    chunks.push(chunk);
  }
  return {
    status: response.statusCode ?? 0,
    headers: joinHeaders(response.headersDistinct),
    body: new TextDecoder().decode(Buffer.concat(chunks)),
  };
}

/** Lower-case names (as Node gives them); repeated headers joined with ", ". */
function joinHeaders(distinct: NodeJS.Dict<string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(distinct).map(([name, values]) => [name, (values ?? []).join(', ')]));
}

function responseTooLarge(maxResponseBytes: number): EgressFailure {
  return new EgressFailure(`response larger than ${maxResponseBytes} bytes`);
}
