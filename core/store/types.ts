import type Database from 'better-sqlite3';

/** The better-sqlite3 handle every store in this project is built on. */
export type SqliteDatabase = Database.Database;

/**
 * One step of the schema. `id`s are ordered, never renamed and never reused; a step, once released, is
 * never edited (add a new one instead). `up` runs inside the runner's transaction and must be synchronous.
 */
export interface Migration {
  id: string;
  up(db: SqliteDatabase): void;
}
