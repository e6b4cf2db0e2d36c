// The port for signing in to the console with the identity provider (authorization code with PKCE). The
// composition root hands in an implementation (the MCP server's OIDC code, which verifies the ID token
// and maps its claims to a principal and role as it does for MCP callers); omitted, only tokens sign in.

type ConsoleOidcResult =
  | { kind: 'principal'; name: string; role: string }
  | { kind: 'refused'; reason: string }
  | { kind: 'invalid'; reason: string };

export interface ConsoleOidc {
  /** The issuer URL, shown on the sign-in button. */
  issuer: string;
  authorizationUrl(request: { state: string; nonce: string; codeChallenge: string }): Promise<string>;
  /** `invalid` for a refused code or a bad ID token, `refused` when its claims give no single role;
   *  throws only when the issuer cannot be reached. */
  complete(request: { code: string; codeVerifier: string; nonce: string }): Promise<ConsoleOidcResult>;
}
