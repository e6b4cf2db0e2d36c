// A local OIDC issuer for tests: a node:http server on a free loopback port with the discovery document,
// a JWKS endpoint, and a token endpoint for the client_credentials grant (client_secret_basic) and the
// authorization code grant with PKCE (oidc-code-endpoints.ts, for the console's sign-in). Keys come
// from jose; `rotate()` replaces the signing key (the old one is dropped from the JWKS unless kept).

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCodeFlowEndpoints, type CodeFlowSettings } from './oidc-code-endpoints.ts';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

export interface TestIssuer {
  url: string;
  /** A token signed with the current key; `claims` override the defaults (iss, aud, sub, exp in 5 min). */
  sign(claims?: Record<string, unknown>, options?: { key?: SigningKey; header?: Record<string, unknown> }): Promise<string>;
  rotate(options?: { keepOld?: boolean }): Promise<void>;
  /** A key pair the issuer does not publish. */
  strayKey(): Promise<SigningKey>;
  /** Clients the token endpoint knows: id → { secret, claims added to their tokens }. */
  clients: Map<string, { secret: string; claims: Record<string, unknown> }>;
  jwksRequests(): number;
  /** The authorization code flow's clients and the next sign-in's claims. */
  codeFlow: CodeFlowSettings;
  close(): Promise<void>;
}

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

let keyCounter = 0;
async function newKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const kid = `key-${++keyCounter}`;
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

export async function startTestIssuer({ audience }: { audience: string }): Promise<TestIssuer> {
  let published: SigningKey[] = [await newKey()];
  let jwksCount = 0;
  const clients = new Map<string, { secret: string; claims: Record<string, unknown> }>();
  let url = '';
  const current = () => published[published.length - 1] as SigningKey;

  async function sign(claims: Record<string, unknown> = {}, { key = current(), header = {} }: { key?: SigningKey; header?: Record<string, unknown> } = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ iss: url, aud: audience, sub: 'subject-1', iat: now, exp: now + 300, ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'at+jwt', ...header })
      .sign(key.privateKey);
  }

  const codeFlow = createCodeFlowEndpoints({ sign: (claims) => sign(claims, { header: { typ: 'JWT' } }) });
  const server: Server = createServer((request, response) => {
    const send = (status: number, body: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const path = new URL(request.url ?? '/', url).pathname;
    if (request.method === 'GET' && path === '/.well-known/openid-configuration') {
      return send(200, {
        issuer: url,
        authorization_endpoint: `${url}/authorize`,
        token_endpoint: `${url}/token`,
        jwks_uri: `${url}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        grant_types_supported: ['client_credentials', 'authorization_code'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic'],
      });
    }
    if (request.method === 'GET' && path === '/jwks') {
      jwksCount += 1;
      return send(200, { keys: published.map((key) => key.publicJwk) });
    }
    if (request.method === 'GET' && path === '/authorize') return codeFlow.authorize(new URL(request.url ?? '/', url).searchParams, response);
    if (request.method === 'POST' && path === '/token') {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
        if (form.get('grant_type') === 'authorization_code') return void codeFlow.exchange(request, form).then(({ status, body }) => send(status, body));
        const [id, secret] = Buffer.from((request.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString('utf8').split(':').map(decodeURIComponent);
        const client = clients.get(id ?? '');
        if (form.get('grant_type') !== 'client_credentials' || !client || client.secret !== secret) return send(401, { error: 'invalid_client' });
        void sign({ sub: id, ...client.claims }).then((token) => send(200, { access_token: token, token_type: 'Bearer', expires_in: 300 }));
      });
      return;
    }
    send(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    sign,
    async rotate({ keepOld = false } = {}) {
      const next = await newKey();
      published = keepOld ? [...published, next] : [next];
    },
    strayKey: newKey,
    clients,
    jwksRequests: () => jwksCount,
    codeFlow: codeFlow.settings,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
