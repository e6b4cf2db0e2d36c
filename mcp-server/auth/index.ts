export { oidcSettingsSchema, SIGN_IN_ROLES, type OidcSettings, type OidcSettingsInput, type SignInRole } from './oidc-settings.ts';
export { createOidcVerifier, type OidcVerifier, type OidcVerification } from './oidc-verifier.ts';
export { principalFromClaims, type ClaimPrincipal } from './claim-principal.ts';
export { MCP_PATH, METADATA_PATHS, metadataUrl, protectedResourceMetadata, resourceUrl } from './protected-resource.ts';
export { createOidcCodeFlow } from './oidc-code-flow.ts';
