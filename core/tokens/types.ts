// The token port: bearer tokens for the MCP server's HTTP transport. The token text is shown once, at
// creation; the store keeps its SHA-256 only.

import type { TokenRole } from './roles.ts';

export interface TokenRecord {
  /** Public: part of the token text, shown in listings. */
  id: string;
  /** The principal the token acts as (audit trails, four-eyes checks). */
  name: string;
  role: TokenRole;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

export interface CreateTokenInput {
  name: string;
  role: TokenRole;
  /** Lifetime in milliseconds (see parseDuration). */
  lifetimeMs: number;
}

export interface TokenStore {
  /** CONFLICT when a live token already has this name. Returns the token text: it cannot be read again. */
  create(input: CreateTokenInput): { token: string; record: TokenRecord };
  /** Every token, newest first, revoked and expired ones included. */
  list(): TokenRecord[];
  /** Revokes the live token with this name; NOT_FOUND when there is none. */
  revoke(name: string): TokenRecord;
  /** The record of a live (unrevoked, unexpired) token, or undefined. Never throws for bad text. */
  verify(token: string): TokenRecord | undefined;
}
