import { JoineryError } from '../../core/errors.ts';
import { flowVersionSchema, flowView } from './flow-views.ts';
import { functionName, versionNumber } from './schemas.ts';
import { defineTool, READERS } from './tool.ts';

export const getFlow = defineTool({
  name: 'get_flow',
  title: 'Get a flow',
  description: 'A flow version (default latest): steps, conditions, review.',
  input: { name: functionName, version: versionNumber.optional() },
  output: { flow: flowVersionSchema },
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  roles: READERS,
  async run({ name, version }, { deps }) {
    const record = deps.flows.getVersion(name, version);
    if (!record) throw new JoineryError('NOT_FOUND', `no flow ${version === undefined ? name : `${name}@${version}`}; list_flows lists them`);
    return { flow: flowView(record) };
  },
  outcome: ({ flow }) => `${flow.name}@${flow.version}`,
});
