export type * from './types.ts';
export { createSqliteDraftStore } from './sqlite-draft-store.ts';
