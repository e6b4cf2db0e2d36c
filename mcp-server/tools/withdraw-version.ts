import * as z from 'zod';
import { functionName, versionRef } from './schemas.ts';
import { defineTool } from './tool.ts';
import { resolveVersion } from './version-ref.ts';
import { versionStatus } from './views.ts';

export const withdrawVersion = defineTool({
  name: 'withdraw_version',
  title: 'Withdraw a version',
  description:
    'Withdraw a version you published that is still pending review; audited. It can no longer be approved.',
  input: { name: functionName, version: versionRef, reason: z.string().max(1000).optional() },
  output: { name: z.string(), version: z.number().int(), status: versionStatus },
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
  roles: ['author'],
  async run({ name, version, reason }, { deps, principal, log }) {
    const target = resolveVersion(deps.registry, name, version);
    const withdrawn = deps.registry.withdraw({ name, version: target.version, actor: principal.name, reason: reason ?? null });
    log('notice', `withdrew ${name}@${withdrawn.version}`);
    return { name, version: withdrawn.version, status: withdrawn.status };
  },
  outcome: (output) => `withdrew ${output.name}@${output.version}`,
});
