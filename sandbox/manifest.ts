// The manifest a bundle declares (name, description, trigger, egress, secrets, oauth), checked for shape
// after it was copied out of the isolate. What the guest declares is what the sandbox enforces for that run.
import type { FunctionManifest } from '../core/execution/types.ts';
import { readSecretDeclarations } from '../core/secret-manifest/index.ts';

export type ManifestCheck = { ok: true; manifest: FunctionManifest } | { ok: false; message: string };

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

export function checkManifest(raw: unknown): ManifestCheck {
  if (typeof raw !== 'object' || raw === null) return invalid('the definition is not an object');
  const { name, description, trigger, egress, secrets, oauth } = raw as Record<string, unknown>;
  for (const [field, value] of [['name', name], ['description', description], ['trigger', trigger]] as const) {
    if (typeof value !== 'string') return invalid(`${field} must be a string`);
  }
  if (!isStringArray(egress)) return invalid('egress must be an array of strings');
  const declarations = readSecretDeclarations(secrets, oauth);
  if (!declarations.ok) return invalid(declarations.message);
  return {
    ok: true,
    manifest: {
      name: name as string,
      description: description as string,
      trigger: trigger as string,
      egress: [...egress],
      ...declarations.declarations,
    },
  };
}

function invalid(reason: string): ManifestCheck {
  return { ok: false, message: `the function definition is invalid: ${reason}` };
}
