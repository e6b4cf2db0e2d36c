export type * from './types.ts';
export { createSqliteDirectory, type SqliteDirectoryOptions } from './sqlite-directory.ts';
export { parseDirectoryImport } from './parse-directory-import.ts';
export { directoryUserSchema } from './directory-user-schema.ts';
export { usernameKey } from './username-key.ts';
