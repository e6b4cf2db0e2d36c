import { JoineryError } from '../../core/errors.ts';
import { functionName, versionNumber } from './schemas.ts';
import { defineTool, READERS } from './tool.ts';
import { versionView, versionViewShape } from './views.ts';

export const getFunction = defineTool({
  name: 'get_function',
  title: 'Get a function version',
  description:
    'One version of a function (the latest when no version is given): source, spec, manifest (trigger, egress hosts, secrets), ' +
    'fixtures, review status and reviews, check and test reports, and provenance (author, requester, parent, sha256).',
  input: { name: functionName, version: versionNumber.optional().describe('default: the latest version') },
  output: versionViewShape,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  roles: READERS,
  async run({ name, version }, { deps }) {
    const record = deps.registry.getVersion(name, version);
    if (!record) throw new JoineryError('NOT_FOUND', version === undefined ? `no function named "${name}"` : `no version ${name}@${version}`);
    return versionView(record, deps.registry);
  },
});
