// An operator resumes a quarantined function or flow: the quarantine is lifted, its run ledger starts over,
// and every event held for it goes back to the queue with its step results kept. Audited as the operator.

import { JoineryError } from '../errors.ts';
import type { EventQueue } from '../events/index.ts';
import type { AuditInput } from '../registry/index.ts';
import type { GuardStore, GuardTarget } from './types.ts';

export interface ResumeResult {
  lifted: GuardTarget[];
  /** Held events put back in the queue. */
  replayed: string[];
}

/** `name` is a function or flow name, or an exact target (`flow:onboarding`). NOT_FOUND when nothing by
 *  that name is quarantined. */
export async function resumeTarget({ name, actor, store, queue, audit }: {
  name: string;
  actor: string;
  store: GuardStore;
  queue: Pick<EventQueue, 'resumeHeld'>;
  audit(entry: AuditInput): void;
}): Promise<ResumeResult> {
  const candidates: GuardTarget[] = name.startsWith('function:') || name.startsWith('flow:') ? [name as GuardTarget] : [`function:${name}`, `flow:${name}`];
  const result: ResumeResult = { lifted: [], replayed: [] };
  for (const target of candidates) {
    const quarantine = store.lift(target);
    if (!quarantine) continue;
    result.lifted.push(target);
    const replayed: string[] = [];
    for (const eventId of quarantine.heldEvents) if (await queue.resumeHeld(eventId)) replayed.push(eventId);
    result.replayed.push(...replayed);
    audit({ actor, action: 'resume', target, allowed: true, detail: { reason: quarantine.reason, since: quarantine.since, replayed } });
  }
  if (result.lifted.length === 0) {
    audit({ actor, action: 'resume', target: name, allowed: false, detail: { reason: 'not quarantined' } });
    throw new JoineryError('NOT_FOUND', `nothing named ${JSON.stringify(name)} is quarantined`);
  }
  return result;
}
