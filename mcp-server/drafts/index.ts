export type * from './types.ts';
export { createSqliteDraftStore } from './sqlite-draft-store.ts';
export { createPostgresDraftStore } from './postgres-draft-store.ts';
