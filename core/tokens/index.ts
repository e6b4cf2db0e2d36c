// Bearer tokens for the MCP server's HTTP transport, and the roles they carry.

export type * from './types.ts';
export { createSqliteTokenStore, TOKEN_NAME_PATTERN, type SqliteTokenStoreOptions } from './sqlite-token-store.ts';
export { isRole, isTokenRole, ROLES, TOKEN_ROLES, type Role, type TokenRole } from './roles.ts';
export { MAX_TOKEN_LIFETIME_MS, parseDuration } from './duration.ts';
export { hashToken } from './token-text.ts';
export { createPostgresTokenStore } from './postgres-token-store.ts';
