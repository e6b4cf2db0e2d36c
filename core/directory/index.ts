export type * from './types.ts';
export { createSqliteDirectory, type SqliteDirectoryOptions } from './sqlite-directory.ts';
export { parseDirectoryImport, type DirectoryImport } from './parse-directory-import.ts';
export { directoryUserSchema } from './directory-user-schema.ts';
export { usernameKey } from './username-key.ts';
export { retiredEmailHolder, retiredEmailHolders, RETIRED_EMAIL_ID_PREFIX } from './retired-email-holder.ts';
export { textFieldProblem, type TextFieldKind } from './text-field-rules.ts';
export { createPostgresDirectory } from './postgres-directory.ts';
