export type * from './types.ts';
export { createSecretStore, MAX_SECRET_BYTES, type SecretStoreOptions } from './sqlite-secret-store.ts';
export {
  loadSecretKey, resolveSecretKey, SECRET_KEY_ENV, type LoadSecretKeyOptions, type LoadedSecretKey,
} from './load-secret-key.ts';
export { assertSecretName, SECRET_NAME_PATTERN } from './secret-name.ts';
export { createPostgresSecretStore } from './postgres-secret-store.ts';
