// Who may do what. A bearer token carries one of the four token roles; `admin` exists only for the local
// principal (stdio), who may do everything, with four-eyes review still enforced by the registry.
//
//   auditor   reads functions, versions, drafts' results and every execution record
//   author    reads, checks, tests, drafts (by hand or with the agent) and publishes
//   reviewer  reads, checks, tests, approves or rejects, and activates an approved version (rollback)
//   operator  reads, runs the active approved version (live or dry run), reads executions, and activates
//   source    submits lifecycle events to `joinery serve` (an HR system, a scheduler) and nothing else;
//             no MCP tool admits it

export const TOKEN_ROLES = ['author', 'reviewer', 'operator', 'auditor', 'source'] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];

export const ROLES = [...TOKEN_ROLES, 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isTokenRole(value: unknown): value is TokenRole {
  return typeof value === 'string' && (TOKEN_ROLES as readonly string[]).includes(value);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
