import * as z from 'zod';
import { toolFailure } from '../boundary/tool-failure.ts';
import { functionName, versionRef } from './schemas.ts';
import { defineTool } from './tool.ts';
import { resolveVersion } from './version-ref.ts';

export const activateVersion = defineTool({
  name: 'activate_version',
  title: 'Activate (roll back)',
  description:
    'Make an approved version the one that runs (rollback or forward); audited.',
  input: { name: functionName, version: versionRef },
  output: { name: z.string(), activeVersion: z.number().int(), previousVersion: z.number().int().nullable() },
  // Destructive in the sense clients care about: it changes what runs live for every caller.
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  roles: ['reviewer', 'operator'],
  async run({ name, version }, { deps, principal, confirm, log }) {
    const target = resolveVersion(deps.registry, name, version);
    const previousVersion = deps.registry.getActiveVersion(name)?.version ?? null;
    if (!(await confirm(`Make ${name}@${target.version} the version that runs${previousVersion === null ? '' : ` instead of ${name}@${previousVersion}`}?`))) {
      return toolFailure('CONFLICT', `${name}@${target.version} was not activated: the confirmation was declined; nothing changed`);
    }
    deps.registry.activate(name, target.version, { actor: principal.name, actorSource: principal.source ?? null });
    log('notice', `activated ${name}@${target.version}`, { previousVersion });
    return { name, activeVersion: target.version, previousVersion };
  },
  outcome: (output) => `${output.name}@${output.activeVersion} is active`,
});
