import * as z from 'zod';
import { diffVersions as diff } from '../../core/diff/index.ts';
import { functionName, versionRef } from './schemas.ts';
import { defineTool, READERS } from './tool.ts';
import { resolveVersion } from './version-ref.ts';

const setChange = z.object({ added: z.array(z.string()), removed: z.array(z.string()) });

export const diffVersions = defineTool({
  name: 'diff_versions',
  title: 'Diff two versions',
  description:
    'What changed between two versions: reach (egress, secrets, trigger) first, fixture counts, source diff.',
  input: { name: functionName, from: versionRef, to: versionRef },
  output: {
    name: z.string(),
    from: z.number().int(),
    to: z.number().int(),
    egress: setChange,
    secrets: setChange,
    trigger: z.object({ from: z.string(), to: z.string() }).nullable(),
    fixtures: z.object({ from: z.number().int(), to: z.number().int() }),
    sourceDiff: z.string().describe('unified'),
  },
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  roles: READERS,
  async run({ name, from, to }, { deps }) {
    return diff(resolveVersion(deps.registry, name, from), resolveVersion(deps.registry, name, to));
  },
});
