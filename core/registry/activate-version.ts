// Moving a function's active pointer: forward after a later approval, or back (rollback) to an earlier
// approved version. Each move is written to the audit trail in the same transaction.

import { JoineryError } from '../errors.ts';
import type { SqliteDatabase } from '../store/index.ts';
import { optionalActorSource, requireActorName, type ActorSource } from './actor-name.ts';
import { requireText, requireVersionNumber } from './input-checks.ts';
import type { VersionStatus } from './types.ts';

interface ActivationRow {
  status: VersionStatus;
  active_version: number | null;
}

export function createActivateVersion(db: SqliteDatabase, { now }: { now: () => Date }) {
  const selectVersion = db.prepare(`SELECT v.status, f.active_version FROM versions v
    JOIN functions f ON f.name = v.name WHERE v.name = ? AND v.version = ?`);
  const updateActive = db.prepare('UPDATE functions SET active_version = ? WHERE name = ?');
  const insertAudit = db.prepare(`INSERT INTO audit (actor, action, target, allowed, detail, created_at)
    VALUES (?, 'activate', ?, 1, ?, ?)`);

  const activateInTransaction = db.transaction((name: string, version: number, actor: string, actorSource: ActorSource | null) => {
    const row = selectVersion.get(name, version) as ActivationRow | undefined;
    const label = `${name}@${version}`;
    if (row === undefined) throw new JoineryError('NOT_FOUND', `no version ${label}`);
    if (row.status !== 'approved') {
      throw new JoineryError('CONFLICT', `${label} cannot be activated: it is ${row.status}, not approved`);
    }
    updateActive.run(version, name);
    const detail = JSON.stringify({ previousVersion: row.active_version, ...(actorSource === null ? {} : { actorSource }) });
    insertAudit.run(actor, label, detail, now().toISOString());
  });

  return (name: string, version: number, { actor = 'system', actorSource }: { actor?: string; actorSource?: ActorSource | null } = {}): void => {
    const checked = [requireText(name, 'name'), requireVersionNumber(version), requireActorName(actor, 'actor'), optionalActorSource(actorSource)] as const;
    activateInTransaction.immediate(...checked);
  };
}
