// How long execution payloads are kept; the audit trail is kept for good.

export { createSqliteExecutionRetention, type ExecutionRetention } from './sqlite-execution-retention.ts';
export { createPostgresExecutionRetention } from './postgres-execution-retention.ts';
