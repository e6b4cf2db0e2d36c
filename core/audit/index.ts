// The audit trail as one list (audit entries and reviews), on SQLite or Postgres, and its export formats.

export type { AuditEntry, AuditFilter, AuditTrail } from './types.ts';
export { createSqliteAuditTrail } from './sqlite-audit-trail.ts';
export { createPostgresAuditTrail } from './postgres-audit-trail.ts';
export { auditCsvLine, formatAudit } from './audit-formats.ts';
