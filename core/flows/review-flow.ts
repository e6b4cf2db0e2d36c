// Reviewing a flow version, with the audit trail: an approval, a rejection and a refused review (four
// eyes, already reviewed) each leave an entry, whoever asked (the CLI or an MCP client).

import { JoineryError } from '../errors.ts';
import type { AuditInput } from '../registry/index.ts';
import type { FlowReviewInput, FlowStore, FlowVersionRecord } from './types.ts';

export function reviewFlow({ flows, audit, via, ...review }: FlowReviewInput & {
  flows: FlowStore;
  audit(entry: AuditInput): void;
  /** Where the review came from ('cli', 'mcp'), kept in the entry's detail. */
  via: string;
}): FlowVersionRecord {
  const target = `${review.name}@${review.version}`;
  try {
    const record = flows.review(review);
    const detail = { decision: review.decision, comment: review.comment ?? null, active: record.active, via };
    audit({ actor: review.reviewer, action: 'flow.review', target, allowed: true, detail });
    return record;
  } catch (error) {
    if (error instanceof JoineryError && (error.code === 'FORBIDDEN' || error.code === 'CONFLICT')) {
      audit({ actor: review.reviewer, action: 'flow.review', target, allowed: false, detail: { decision: review.decision, refused: error.message, via } });
    }
    throw error;
  }
}
