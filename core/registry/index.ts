export type * from './types.ts';
export { createSqliteRegistry, type SqliteRegistryOptions } from './sqlite-registry.ts';
export { assertFunctionName, functionNameProblem, FUNCTION_NAME_PATTERN } from './function-name.ts';
export { versionDigest } from './version-digest.ts';
export { actorKey, actorNameProblem, ACTOR_SOURCES, requireActorName, sameActor, type ActorSource } from './actor-name.ts';
export { assertVersionIntegrity, versionIntegrity, type VersionIntegrity } from './version-integrity.ts';
export { createRedactor, REDACTED, type Redactor } from './redact-secrets.ts';
export { RECORD_CAPS, type TruncatedValue } from './record-caps.ts';
export {
  readBasicCredential, redactCredentialHeaders, writeBasicCredential, type BasicCredential,
} from './credential-headers.ts';
export { MIN_DERIVED_FORM_LENGTH } from './secret-forms.ts';
export { createPostgresRegistry } from './postgres-registry.ts';
