// The reservation ledger port: usernames and emails claimed by a running event before any account exists,
// so two joiners processed at once can never be given one name. Asynchronous so a networked store can
// implement it: Postgres gives the same guarantees with a UNIQUE (kind, value_key) constraint and
// `INSERT ... ON CONFLICT DO NOTHING`, checking directory users and retired names in the same transaction.

import type { DirectoryUser } from '../sdk/index.ts';

export const RESERVATION_KINDS = ['username', 'email'] as const;

/**
 * Holders of reservations made by a run outside serve (`joinery run`, MCP run_function): `run:<uuid>`. Such a
 * hold lasts for one run and provisions nothing, so it is written without waiting for the disk (SQLite
 * synchronous=NORMAL, Postgres synchronous_commit off): a crash can lose it (the run is gone too) or keep
 * it, and serve's stranded-holder sweep frees what is kept. An event's holds are written durably.
 */
export const RUN_HOLDER_PREFIX = 'run:';
export type ReservationKind = (typeof RESERVATION_KINDS)[number];

export interface Reservation {
  kind: ReservationKind;
  /** As the function asked for it (case kept); compared in usernameKey form. */
  value: string;
  eventId: string;
}

/** What the directory user created on commit carries besides the reserved username and email. */
export interface ProvisionedPerson {
  /** The directory id; when a user already has it, the event id is used instead. */
  id: string;
  displayName?: string;
  employeeId?: string;
  department?: string;
}

export interface ReservationLedger {
  /**
   * Claims `value` for the event, atomically. False when a directory user holds it (any status), when it
   * was ever retired, or when another event reserved it. True again for the event that already holds it
   * (a retried attempt), also once committed: a user this event provisioned holds the name for it.
   * Usernames and emails compare case-insensitively (NFC, then lowercase). INVALID_INPUT for a value the
   * directory would not store (blank, too long, a formula prefix, invisible characters).
   */
  reserve(input: Reservation): Promise<boolean>;
  /** What reserve would answer now, claiming nothing (a dry run's reserveUsername: it must not hold a name
   *  a live run could need). INVALID_INPUT as reserve. */
  available(input: Reservation): Promise<boolean>;
  /**
   * The event completed: its username reservation (the latest, when it holds several) and its latest email
   * reservation become one directory user with status `provisioned`, and every reservation of the event is
   * gone. Undefined when the event holds no username (its email reservations are dropped). Idempotent: a
   * second commit finds nothing left and returns undefined.
   */
  commit(input: { eventId: string; person: ProvisionedPerson }): Promise<DirectoryUser | undefined>;
  /** The event failed, is dead or starts over: its reservations are freed. Returns how many. */
  release(eventId: string): Promise<number>;
  /** The event's reservations, oldest first. */
  reservationsOf(eventId: string): Promise<Reservation[]>;
  /** The holders of at least one reservation now, each with its oldest reservation's time (ISO 8601): few
   *  (only events being worked on hold names), for the sweep that frees the names of events that ended
   *  with no worker left to release them. */
  holders(): Promise<Array<{ eventId: string; since: string }>>;
}
