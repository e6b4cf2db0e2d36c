export type * from './types.ts';
export { RESERVATION_KINDS, RUN_HOLDER_PREFIX } from './types.ts';
export { createSqliteReservationLedger } from './sqlite-reservation-ledger.ts';
export { createPostgresReservationLedger } from './postgres-reservation-ledger.ts';
