// Where a run's reserveUsername and reserveEmail go. Four cases:
// - under `joinery serve` (`eventId` given): held in the ledger by the event; the worker commits them when
//   the event completes and releases them when it fails or is dead;
// - a ledger but no event (`joinery run`): held by this run alone (`run:<uuid>`), so a name another event
//   holds right now is refused, and released when the run ends: nothing is provisioned outside serve;
// - the same for a dry run: nothing is held, the ledger only says whether the name is free, so a dry run
//   never makes a live one pick another name;
// - no ledger (an embedding without one): a check against the directory only, true when the name is free.

import { randomUUID } from 'node:crypto';
import type { DirectoryStore } from '../directory/index.ts';
import { RUN_HOLDER_PREFIX, type ReservationKind, type ReservationLedger } from '../ledger/index.ts';

export interface RunReservations {
  reserve(kind: ReservationKind, value: string): Promise<boolean>;
  /** The run ended: reservations held by the run alone are released; an event's are kept for its worker. */
  finish(): Promise<void>;
}

export function createRunReservations({
  ledger,
  directory,
  eventId,
  dryRun = false,
}: {
  ledger?: ReservationLedger;
  directory: DirectoryStore;
  eventId?: string;
  /** A dry run outside serve holds nothing: it asks the ledger whether a name is free (held by no one
   *  else, in the directory or retired), so it never takes a name a live run could need. */
  dryRun?: boolean;
}): RunReservations {
  if (ledger === undefined) {
    return {
      reserve: async (kind, value) => (kind === 'username' ? !directory.isUsernameTaken(value) : directory.findUsers({ email: value }).length === 0),
      finish: async () => {},
    };
  }
  const holder = eventId ?? `${RUN_HOLDER_PREFIX}${randomUUID()}`;
  if (dryRun && eventId === undefined) {
    return { reserve: async (kind, value) => ledger.available({ kind, value, eventId: holder }), finish: async () => {} };
  }
  let reserved = false;
  return {
    async reserve(kind, value) {
      reserved = true;
      return ledger.reserve({ kind, value, eventId: holder });
    },
    async finish() {
      if (eventId === undefined && reserved) await ledger.release(holder);
    },
  };
}
