export { createLiveHost, secretValuesFor, type LiveHost } from './live-host.ts';
export { createSecretEgress, type FetchPort, type SecretEgress, type SecretEgressOptions } from './secret-egress.ts';
export {
  boundHostsOf, createSecretPlaceholders, hostIsListed, isSecretPlaceholder, readSecretDeclarations, type SecretPlaceholders,
} from '../secret-manifest/index.ts';
export { createOAuthTokenCache, PROCESS_OAUTH_TOKENS, TOKEN_RENEWAL_MARGIN_SECONDS, type AccessToken, type OAuthTokenCache } from './oauth-token-cache.ts';
export { DEFAULT_TOKEN_LIFETIME_SECONDS } from './oauth-client-credentials.ts';
export { renderPlaceholders, type RunRecordParts } from './render-placeholders.ts';
export { createIdempotencyKeys, idempotencyKeyFor, type IdempotencyKeys } from './idempotency-key.ts';
export { createRunReservations, type RunReservations } from './run-reservations.ts';
