// The audit trail as one list (audit entries and reviews) and its export formats.

export { createSqliteAuditTrail, type AuditEntry, type AuditFilter, type AuditTrail } from './sqlite-audit-trail.ts';
export { auditCsvLine, formatAudit } from './audit-formats.ts';
