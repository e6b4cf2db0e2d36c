// The FlowStore over PostgreSQL (synchronous connection). Publishing locks the flow's row (FOR UPDATE)
// before numbering, so concurrent publishers on any node get consecutive, distinct versions; a review locks
// the version's row, so two reviewers racing get one decision and one CONFLICT. The database's triggers keep
// versions immutable, as on SQLite.

import { createHash } from 'node:crypto';
import { JoineryError } from '../errors.ts';
import type { SyncSql } from '../postgres/index.ts';
import { sameActor } from '../registry/index.ts';
import { parseFlowDefinition } from './flow-definition.ts';
import { flowRecord, flowSummary, requireActor, type FlowVersionRow } from './sqlite-flow-store.ts';
import type { FlowStore, FlowVersionRecord } from './types.ts';

type Row = FlowVersionRow & Record<string, unknown>;
const SELECT_VERSIONS = 'SELECT v.*, f.active_version FROM flow_versions v JOIN flows f ON f.name = v.name';

export function createPostgresFlowStore(sql: SyncSql, { _internal: { now = () => new Date() } = {} }: { _internal?: { now?: () => Date } } = {}): FlowStore {
  const rows = (text: string, parameters: Array<string | number> = []) => sql.query<Row>(text, parameters).rows;
  const getVersion = (name: string, version?: number) => {
    const [row] =
      version === undefined
        ? rows(`${SELECT_VERSIONS} WHERE v.name = $1 AND v.version = f.latest_version`, [name])
        : rows(`${SELECT_VERSIONS} WHERE v.name = $1 AND v.version = $2`, [name, version]);
    return row === undefined ? undefined : flowRecord(row);
  };

  return {
    publish({ definition, author, requestedBy = null }) {
      const checked = parseFlowDefinition(definition);
      const text = JSON.stringify(checked);
      const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
      const createdAt = now().toISOString();
      const actor = requireActor(author, 'author');
      const requester = requestedBy === null ? null : requireActor(requestedBy, 'requestedBy');
      const version = sql.transaction(() => {
        sql.query('INSERT INTO flows (name, created_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [checked.name, createdAt]);
        const locked = sql.query<{ latest_version: number }>('SELECT latest_version FROM flows WHERE name = $1 FOR UPDATE', [checked.name]);
        const latest = locked.rows[0]?.latest_version ?? 0;
        sql.query(
          `INSERT INTO flow_versions (name, version, trigger, definition, sha256, author, requested_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [checked.name, latest + 1, checked.trigger, text, sha256, actor, requester, createdAt],
        );
        sql.query('UPDATE flows SET latest_version = $1 WHERE name = $2', [latest + 1, checked.name]);
        return latest + 1;
      });
      return getVersion(checked.name, version) as FlowVersionRecord;
    },
    review(input) {
      if (input.decision !== 'approved' && input.decision !== 'rejected') {
        throw new JoineryError('INVALID_INPUT', 'decision: expected "approved" or "rejected"');
      }
      if (!Number.isSafeInteger(input.version) || input.version < 1) throw new JoineryError('INVALID_INPUT', 'version: expected a whole number >= 1');
      const reviewer = requireActor(input.reviewer, 'reviewer');
      const reviewedAt = now().toISOString();
      sql.transaction(() => {
        const label = `${input.name}@${input.version}`;
        sql.query('SELECT 1 FROM flow_versions WHERE name = $1 AND version = $2 FOR UPDATE', [input.name, input.version]);
        const target = getVersion(input.name, input.version);
        if (!target) throw new JoineryError('NOT_FOUND', `no flow version ${label}`);
        const role = sameActor(reviewer, target.author) ? 'authored' : sameActor(reviewer, target.requestedBy) ? 'requested' : null;
        if (role !== null) {
          const message = `${reviewer} cannot review ${label}: they ${role} it, and a version must be reviewed by a second person`;
          throw new JoineryError('FORBIDDEN', message, { reason: `reviewer-${role}` });
        }
        if (target.status !== 'pending_review') throw new JoineryError('CONFLICT', `${label} was already reviewed: it is ${target.status}`);
        sql.query('UPDATE flow_versions SET status = $1, reviewer = $2, review_comment = $3, reviewed_at = $4 WHERE name = $5 AND version = $6', [
          input.decision,
          reviewer,
          input.comment ?? null,
          reviewedAt,
          input.name,
          input.version,
        ]);
        if (input.decision === 'approved') {
          sql.query('UPDATE flows SET active_version = $1 WHERE name = $2 AND (active_version IS NULL OR active_version < $1)', [input.version, input.name]);
        }
      });
      return getVersion(input.name, input.version) as FlowVersionRecord;
    },
    getVersion,
    listVersions: (name) => rows(`${SELECT_VERSIONS} WHERE v.name = $1 ORDER BY v.version`, [name]).map(flowRecord),
    listFlows: () => rows(`${SELECT_VERSIONS} WHERE v.version = f.latest_version ORDER BY v.name COLLATE "C"`).map(flowSummary),
    activeFlowsFor: (trigger) =>
      rows(`${SELECT_VERSIONS} WHERE v.version = f.active_version AND v.trigger = $1 ORDER BY v.name COLLATE "C"`, [trigger]).map(flowRecord),
  };
}
