import * as z from 'zod';
import { functionName, versionNumber } from './schemas.ts';
import { defineTool } from './tool.ts';

export const activateVersion = defineTool({
  name: 'activate_version',
  title: 'Activate an approved version (rollback)',
  description:
    'Points a function at one of its approved versions, earlier (rollback) or later; that version is what run_function runs from now ' +
    'on. Only approved versions can be active (CONFLICT otherwise). Recorded in the audit trail. Reviewers and operators may do this.',
  input: { name: functionName, version: versionNumber },
  output: { name: z.string(), activeVersion: z.number().int(), previousVersion: z.number().int().nullable() },
  // Destructive in the sense clients care about: it changes what runs live for every caller.
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  roles: ['reviewer', 'operator'],
  async run({ name, version }, { deps, principal }) {
    const previousVersion = deps.registry.getActiveVersion(name)?.version ?? null;
    deps.registry.activate(name, version, { actor: principal.name, actorSource: principal.source ?? null });
    return { name, activeVersion: version, previousVersion };
  },
});
