// Blast-radius guards: rate and failure-share limits per function and flow, quarantine, resume.

export type * from './types.ts';
export { DEFAULT_GUARD_LIMITS } from './types.ts';
export { createSqliteGuardStore } from './sqlite-guard-store.ts';
export { createBlastRadiusGuard, type Admission, type BlastRadiusGuard, type BlastRadiusGuardOptions } from './blast-radius-guard.ts';
export { resumeTarget, type ResumeResult } from './resume-target.ts';
export { createLimitsResolver, type GuardSettings } from './limits-for.ts';
export { createPostgresGuardStore } from './postgres-guard-store.ts';
