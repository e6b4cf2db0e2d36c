// Access tokens from client-credentials grants, kept in host memory (never in the database, never in the
// sandbox) until shortly before they expire. One token request in flight per key: calls made side by side
// share it, and a failed request is forgotten so the next call tries again.

export interface AccessToken {
  accessToken: string;
  expiresInSeconds: number;
}

export interface OAuthTokenCache {
  /** The cached token for `key`, or the one `obtain` gets (and the cache keeps until shortly before expiry). */
  get(key: string, obtain: () => Promise<AccessToken>): Promise<string>;
}

/** A token is renewed this long before it expires (half its lifetime for tokens shorter than twice this). */
export const TOKEN_RENEWAL_MARGIN_SECONDS = 60;

export function createOAuthTokenCache({
  maxEntries = 256,
  _internal: { now = Date.now } = {},
}: { maxEntries?: number; _internal?: { now?: () => number } } = {}): OAuthTokenCache {
  const tokens = new Map<string, { accessToken: string; renewAtMs: number }>();
  const inFlight = new Map<string, Promise<string>>();

  async function obtainAndKeep(key: string, obtain: () => Promise<AccessToken>): Promise<string> {
    const requestedAtMs = now();
    const { accessToken, expiresInSeconds } = await obtain();
    const margin = Math.min(TOKEN_RENEWAL_MARGIN_SECONDS, expiresInSeconds / 2);
    tokens.delete(key);
    tokens.set(key, { accessToken, renewAtMs: requestedAtMs + (expiresInSeconds - margin) * 1000 });
    // The oldest entry goes first when the cache is full (Map keeps insertion order).
    if (tokens.size > maxEntries) tokens.delete(tokens.keys().next().value ?? key);
    return accessToken;
  }

  return {
    async get(key, obtain) {
      const cached = tokens.get(key);
      if (cached !== undefined && now() < cached.renewAtMs) return cached.accessToken;
      const pending = inFlight.get(key);
      if (pending !== undefined) return pending;
      const request = obtainAndKeep(key, obtain).finally(() => inFlight.delete(key));
      inFlight.set(key, request);
      return request;
    },
  };
}

/** The cache live runs share within one process (a long-lived MCP server reuses tokens across runs). */
export const PROCESS_OAUTH_TOKENS: OAuthTokenCache = createOAuthTokenCache();
