// The audit trail as one list (audit entries and reviews) and its export formats.

export { createSqliteAuditTrail, type AuditEntry, type AuditFilter, type AuditTrail } from './sqlite-audit-trail.ts';
export { AUDIT_CSV_HEADER, auditCsvLine, auditJsonLine, formatAudit, type AuditExportFormat } from './audit-formats.ts';
