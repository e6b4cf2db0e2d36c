// Withdrawing: the author takes back a version nobody has reviewed yet (published by mistake, superseded
// before review). Who may: the version's author, or, when an agent (`agent:…`) authored it, its requester:
// that is the person who had it published (MCP and `joinery author --publish` record them so). A
// requester of a person's version asked for it but did not write it, so they may not cancel that work:
// they ask its author, or a reviewer rejects it. Checked and written, with its audit entry, in one
// BEGIN IMMEDIATE transaction; the database refuses a second withdrawal and a withdrawal of a decided
// version on its own (migration 0009).

import { JoineryError } from '../errors.ts';
import type { SqliteDatabase } from '../store/index.ts';
import { sameActor } from './actor-name.ts';
import { optionalText, requireText, requireVersionNumber } from './input-checks.ts';
import type { VersionStatus, WithdrawInput } from './types.ts';

export interface WithdrawnVersionRow {
  author: string;
  requested_by: string | null;
  status: VersionStatus;
  withdrawn: 0 | 1;
}

export function createWithdrawVersion(db: SqliteDatabase, { now }: { now: () => Date }) {
  const selectVersion = db.prepare(`SELECT author, requested_by, status, EXISTS (SELECT 1 FROM withdrawals w
      WHERE w.name = v.name AND w.version = v.version) AS withdrawn FROM versions v WHERE name = ? AND version = ?`);
  const insertWithdrawal = db.prepare(`INSERT INTO withdrawals (name, version, actor, reason, created_at)
    VALUES (@name, @version, @actor, @reason, @createdAt)`);
  const insertAudit = db.prepare(`INSERT INTO audit (actor, action, target, allowed, detail, created_at)
    VALUES (@actor, 'withdraw', @target, 1, @detail, @createdAt)`);

  const withdrawInTransaction = db.transaction((input: ReturnType<typeof toWithdrawal>): void => {
    const label = `${input.name}@${input.version}`;
    const target = selectVersion.get(input.name, input.version) as WithdrawnVersionRow | undefined;
    assertWithdrawable(input.actor, target, label);
    insertWithdrawal.run(input);
    insertAudit.run({ actor: input.actor, target: label, detail: JSON.stringify({ reason: input.reason }), createdAt: input.createdAt });
  });

  return (input: WithdrawInput): void => withdrawInTransaction.immediate(toWithdrawal(input, now()));
}

/** NOT_FOUND, FORBIDDEN or CONFLICT unless `actor` may withdraw `target` now (shared with the Postgres registry). */
export function assertWithdrawable(actor: string, target: WithdrawnVersionRow | undefined, label: string): void {
  if (target === undefined) throw new JoineryError('NOT_FOUND', `no version ${label}`);
  if (!mayWithdraw(actor, target)) {
    const publisher = target.author.startsWith('agent:') ? (target.requested_by ?? target.author) : target.author;
    throw new JoineryError('FORBIDDEN', `${actor} cannot withdraw ${label}: only ${publisher}, who published it, may`, { reason: 'not-publisher' });
  }
  if (target.withdrawn === 1) throw new JoineryError('CONFLICT', `${label} is already withdrawn`);
  if (target.status !== 'pending_review') throw new JoineryError('CONFLICT', `${label} cannot be withdrawn: it is ${target.status}; only a version pending review can be`);
}

function mayWithdraw(actor: string, target: WithdrawnVersionRow): boolean {
  if (sameActor(actor, target.author)) return true;
  return target.author.startsWith('agent:') && sameActor(actor, target.requested_by);
}

export function toWithdrawal(input: WithdrawInput, createdAt: Date) {
  return {
    name: requireText(input.name, 'name'),
    version: requireVersionNumber(input.version),
    actor: requireText(input.actor, 'actor'),
    reason: optionalText(input.reason, 'reason'),
    createdAt: createdAt.toISOString(),
  };
}
