// An event's reservations at the end of an attempt: committed just before the event is marked done (the
// person becomes a `provisioned` directory user), released when the event ends failed or dead. Committing
// first is the safe order: if the process dies between the two, the retry finds the names its own (the
// ledger knows which event provisioned them) instead of a name stranded in reservation.

import type { EventRecord, FailureDisposition } from '../../core/events/index.ts';
import type { ProvisionedPerson, ReservationLedger } from '../../core/ledger/index.ts';

export async function commitReservations(ledger: ReservationLedger | undefined, event: Pick<EventRecord, 'id' | 'payload'>): Promise<void> {
  if (ledger === undefined) return;
  await ledger.commit({ eventId: event.id, person: personOf(event.payload, event.id) });
}

export async function releaseReservations(ledger: ReservationLedger | undefined, eventId: string, disposition: FailureDisposition): Promise<void> {
  if (ledger === undefined || (disposition.kind !== 'dead' && disposition.kind !== 'failed')) return;
  await ledger.release(eventId);
}

/** The directory user's fields from a lifecycle event's `person`; the event id when it has no employeeId. */
export function personOf(payload: unknown, eventId: string): ProvisionedPerson {
  const person = (payload as { person?: Record<string, unknown> } | null)?.person ?? {};
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  const employeeId = text(person.employeeId);
  const first = text(person.preferredName) || text(person.firstName);
  return {
    id: employeeId === '' ? eventId : employeeId,
    displayName: [first, text(person.lastName)].filter(Boolean).join(' '),
    employeeId,
    department: text(person.department),
  };
}
