// `joinery mcp --http`: Streamable HTTP with sessions, behind bearer tokens. The Host header is checked
// against DNS rebinding (the loopback names, or the allowed host names, which listening beyond loopback
// requires) and JSON bodies are parsed (4 MB at most, see express-app.ts); a browser page from a foreign
// Origin is refused; every request to /mcp then needs a live token (Joinery's, or the identity
// provider's with `oidc`, whose protected-resource metadata is served for clients to discover); each
// session gets its own McpServer and stays bound to the token (or signed-in principal) that opened it.
// What a role may not call is refused by the tool boundary as an ordinary isError FORBIDDEN result.

import { randomUUID } from 'node:crypto';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { JoineryError } from '../../core/errors.ts';
import type { TokenStore } from '../../core/tokens/index.ts';
import { createServer } from '../create-server.ts';
import type { McpServerDeps } from '../deps.ts';
import { createOidcVerifier, METADATA_PATHS, protectedResourceMetadata, resourceUrl, type OidcSettings } from '../auth/index.ts';
import { bearerAuth } from './bearer-auth.ts';
import { createExpressApp } from './express-app.ts';
import { errorHandler } from './http-errors.ts';
import { rpcError, type Handler, type HttpApp, type HttpRequest, type HttpResponse } from './http-types.ts';
import { isLoopbackHost, LOOPBACK_HOST_NAMES } from '../../core/hosts/index.ts';
import { originCheck } from './origin-check.ts';
import { accessTokenVerifier } from './token-verifier.ts';

export interface McpHttpAppOptions {
  deps: McpServerDeps;
  tokens: TokenStore;
  /** The address it will listen on. */
  host?: string;
  /** Host names accepted in the Host and Origin headers; required when `host` is not a loopback address
   *  (INVALID_INPUT otherwise). Default for loopback: localhost, 127.0.0.1 and [::1]. */
  allowedHosts?: string[];
  /** Open sessions at most; more are refused with 503 until one closes or idles out. */
  maxSessions?: number;
  /** Sessions one token may hold; opening one more closes that token's least recently used. */
  maxSessionsPerToken?: number;
  /** A session unused this long is closed (clients that vanish never send DELETE). */
  idleMs?: number;
  /** Sign-in with the organisation's identity provider (config.json `oidc`); Joinery tokens work as well. */
  oidc?: OidcSettings;
  _internal?: { jwksCooldownMs?: number };
}

interface Session {
  transport: StreamableHTTPServerTransport;
  tokenId: unknown;
  lastSeen: number;
  close(): Promise<void>;
}

export function createMcpHttpApp({ deps, tokens, host = '127.0.0.1', allowedHosts, maxSessions = 100, maxSessionsPerToken = 32, idleMs = 30 * 60_000, oidc, _internal = {} }: McpHttpAppOptions): { app: HttpApp; sessionCount(): number; close(): Promise<void> } {
  const log = deps.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const hostNames = allowedHostNames(host, allowedHosts);
  const app = createExpressApp(hostNames);
  app.use(originCheck(hostNames));
  const verifier = oidc ? createOidcVerifier(oidc, { _internal }) : undefined;
  const auth = bearerAuth({ verify: accessTokenVerifier({ tokens, ...(verifier ? { oidc: verifier } : {}) }), ...(oidc ? { oidc } : {}), log });
  if (oidc) {
    for (const path of METADATA_PATHS) app.get(path, (request, response) => response.json(protectedResourceMetadata(oidc, resourceUrl(oidc, request.headers.host))));
  }
  const sessions = new Map<string, Session>();
  // Over HTTP every request carries a token's principal; never fall back to a local one.
  const sessionDeps: McpServerDeps = { ...deps, localPrincipal: undefined };

  async function closeSession(id: string): Promise<void> {
    const session = sessions.get(id);
    sessions.delete(id);
    await session?.transport.close().catch(() => {});
    await session?.close().catch(() => {});
  }
  const sweep = setInterval(() => {
    for (const [id, session] of sessions) if (Date.now() - session.lastSeen > idleMs) void closeSession(id);
  }, Math.min(idleMs, 60_000));
  sweep.unref();

  async function openSession(request: HttpRequest, response: HttpResponse): Promise<void> {
    // One token cannot crowd out the others: past its share, its least recently used session goes.
    const tokenId = request.auth?.extra?.tokenId;
    const own = [...sessions].filter(([, session]) => session.tokenId === tokenId).sort(([, left], [, right]) => left.lastSeen - right.lastSeen);
    if (own.length >= maxSessionsPerToken) await closeSession(own[0]![0]);
    if (sessions.size >= maxSessions) return rpcError(response, 503, -32000, `the server has ${maxSessions} open sessions; retry later`);
    const mcp = createServer({ ...sessionDeps, log });
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => {
        sessions.set(id, { transport, tokenId, lastSeen: Date.now(), close: mcp.close });
      },
    });
    transport.onclose = () => {
      if (transport.sessionId) sessions.delete(transport.sessionId);
    };
    await mcp.server.connect(transport);
    await transport.handleRequest(request, response, request.body);
  }

  /** The request's session, when it exists and belongs to the same token; 404 otherwise (say nothing more). */
  function sessionOf(request: HttpRequest): Session | undefined {
    const id = request.headers['mcp-session-id'];
    const session = typeof id === 'string' ? sessions.get(id) : undefined;
    if (!session || session.tokenId !== request.auth?.extra?.tokenId) return undefined;
    session.lastSeen = Date.now();
    return session;
  }

  app.post('/mcp', auth, async (request, response) => {
    const session = sessionOf(request);
    if (session) return session.transport.handleRequest(request, response, request.body);
    if (request.headers['mcp-session-id'] !== undefined) return rpcError(response, 404, -32001, 'Session not found');
    if (!isInitializeRequest(request.body)) return rpcError(response, 400, -32000, 'Bad Request: No valid session ID provided');
    await openSession(request, response);
  });
  const bySession: Handler = async (request, response) => {
    const session = sessionOf(request);
    if (!session) return rpcError(response, request.headers['mcp-session-id'] === undefined ? 400 : 404, -32001, 'Session not found');
    await session.transport.handleRequest(request, response);
  };
  app.get('/mcp', auth, bySession);
  app.delete('/mcp', auth, bySession);
  app.use(errorHandler(log));

  return {
    app,
    sessionCount: () => sessions.size,
    async close() {
      clearInterval(sweep);
      await Promise.allSettled([...sessions.keys()].map(closeSession));
    },
  };
}

/** The Host names to accept. Beyond loopback there is no safe default: refuse to start without them. */
function allowedHostNames(host: string, allowedHosts: string[] | undefined): string[] {
  if (allowedHosts !== undefined && allowedHosts.length > 0) return allowedHosts;
  if (isLoopbackHost(host)) return [...LOOPBACK_HOST_NAMES];
  throw new JoineryError(
    'INVALID_INPUT',
    `listening on ${host} exposes the server beyond this machine; name the host names clients will use ` +
      '(joinery mcp --allowed-host <name>, repeatable), so that requests for any other name (DNS rebinding) are refused',
  );
}
