// What a function declares about secrets, and the placeholders it gets instead of their values: read and
// checked with no secret store, registry or network in reach, so the sandbox's executor children can load
// it without the rest of the runtime (core/runtime uses it and re-exports it).

export { boundHostsOf, hostIsListed, readSecretDeclarations } from './secret-manifest.ts';
export { createSecretPlaceholders, isSecretPlaceholder, type SecretPlaceholders } from './secret-placeholders.ts';
export { applyRequestAuth, oauthMarker, readRequestAuth } from './request-auth.ts';
