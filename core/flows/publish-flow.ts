// Publishing a flow: the definition is checked, every step names a published function, then the store
// writes a new version pending review, recorded in the audit trail. (A step's function needs an approved
// version only to run.)

import { JoineryError } from '../errors.ts';
import type { Registry } from '../registry/index.ts';
import { parseFlowDefinition } from './flow-definition.ts';
import type { FlowStore, FlowVersionRecord } from './types.ts';

export function publishFlow({ definition, author, requestedBy = null, flows, registry, via }: {
  definition: unknown;
  author: string;
  requestedBy?: string | null;
  flows: FlowStore;
  registry: Pick<Registry, 'getVersion' | 'recordAudit'>;
  /** Where the flow came from ('cli', 'mcp'), kept in the audit entry. */
  via: string;
}): FlowVersionRecord {
  const checked = parseFlowDefinition(definition);
  const missing = checked.steps.map((step) => step.function).filter((name) => registry.getVersion(name) === undefined);
  if (missing.length > 0) throw new JoineryError('NOT_FOUND', `flow ${checked.name} names functions that were never published: ${missing.join(', ')}`);
  const record = flows.publish({ definition: checked, author, requestedBy });
  const detail = { trigger: record.trigger, steps: record.definition.steps.length, requestedBy, sha256: record.sha256, via };
  registry.recordAudit({ actor: author, action: 'flow.publish', target: `${record.name}@${record.version}`, allowed: true, detail });
  return record;
}
