// Schedules: cron triggers that fire a function or flow through a synthetic, idempotent event.

export type * from './types.ts';
export { nextFireAfter, parseCron, type CronSchedule } from './cron.ts';
export { createSqliteScheduleStore } from './sqlite-schedule-store.ts';
export { fireDueSchedules } from './fire-due-schedules.ts';
export { createPostgresScheduleStore } from './postgres-schedule-store.ts';
