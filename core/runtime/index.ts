export { createLiveHost, secretValuesFor, type LiveHost } from './live-host.ts';
export { createSecretEgress, type FetchPort, type SecretEgress, type SecretEgressOptions } from './secret-egress.ts';
export { createSecretPlaceholders, isSecretPlaceholder, type SecretPlaceholders } from './secret-placeholders.ts';
export { boundHostsOf, hostIsListed, readSecretDeclarations, type DeclarationsRead, type SecretDeclarations } from './secret-manifest.ts';
export { readRequestAuth, type RequestAuth } from './request-auth.ts';
export { createOAuthTokenCache, PROCESS_OAUTH_TOKENS, TOKEN_RENEWAL_MARGIN_SECONDS, type AccessToken, type OAuthTokenCache } from './oauth-token-cache.ts';
export { DEFAULT_TOKEN_LIFETIME_SECONDS } from './oauth-client-credentials.ts';
export { renderPlaceholders, type RunRecordParts } from './render-placeholders.ts';
