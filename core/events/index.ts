// The durable event queue: the port, its SQLite and Postgres adapters and the retry policy.

export type * from './types.ts';
export { EVENT_STATUSES } from './types.ts';
export { createSqliteEventQueue, type SqliteEventQueueOptions } from './sqlite-event-queue.ts';
export { DEFAULT_RETRY_POLICY, retryDelayMs, type RetryPolicy } from './retry-policy.ts';
export { createSqliteDeliveryLog, type DeliveryLog } from './sqlite-delivery-log.ts';
export { createPostgresEventQueue } from './postgres-event-queue.ts';
export { createPostgresDeliveryLog } from './postgres-delivery-log.ts';
