import * as z from 'zod';
import { diffVersions as diff } from '../../core/diff/index.ts';
import { JoineryError } from '../../core/errors.ts';
import { functionName, versionNumber } from './schemas.ts';
import { defineTool, READERS } from './tool.ts';

const setChange = z.object({ added: z.array(z.string()), removed: z.array(z.string()) });

export const diffVersions = defineTool({
  name: 'diff_versions',
  title: 'Diff two versions',
  description:
    'What changed between two versions of a function: a unified diff of the source, and the change in reach ' +
    '(egress hosts and secrets added or removed, trigger) and in the number of fixtures. Review the reach first.',
  input: { name: functionName, from: versionNumber.describe('the older version'), to: versionNumber.describe('the newer version') },
  output: {
    name: z.string(),
    from: z.number().int(),
    to: z.number().int(),
    sourceDiff: z.string().describe('unified diff; empty when the source is identical'),
    egress: setChange,
    secrets: setChange,
    trigger: z.object({ from: z.string(), to: z.string() }).nullable(),
    fixtures: z.object({ from: z.number().int(), to: z.number().int() }),
  },
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  roles: READERS,
  async run({ name, from, to }, { deps }) {
    const [before, after] = [from, to].map((version) => {
      const record = deps.registry.getVersion(name, version);
      if (!record) throw new JoineryError('NOT_FOUND', `no version ${name}@${version}`);
      return record;
    });
    return diff(before!, after!);
  },
});
