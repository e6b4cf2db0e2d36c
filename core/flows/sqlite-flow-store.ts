// The FlowStore over the project's SQLite file (migration 0010-flows). Publishing and reviewing are each
// one BEGIN IMMEDIATE transaction; the four-eyes rule is the registry's (`sameActor`), so a flow and a
// function are reviewed under exactly the same terms.

import { createHash } from 'node:crypto';
import { JoineryError } from '../errors.ts';
import { sameActor } from '../registry/index.ts';
import type { SqliteDatabase } from '../store/index.ts';
import { parseFlowDefinition } from './flow-definition.ts';
import type { FlowReviewInput, FlowStore, FlowSummary, FlowVersionRecord, FlowVersionStatus } from './types.ts';

export interface FlowVersionRow {
  name: string;
  version: number;
  trigger: string;
  definition: string;
  sha256: string;
  author: string;
  requested_by: string | null;
  status: FlowVersionStatus;
  reviewer: string | null;
  review_comment: string | null;
  reviewed_at: string | null;
  created_at: string;
  active_version: number | null;
}

const SELECT_VERSIONS = 'SELECT v.*, f.active_version FROM flow_versions v JOIN flows f ON f.name = v.name';

export function createSqliteFlowStore(db: SqliteDatabase, { _internal: { now = () => new Date() } = {} }: { _internal?: { now?: () => Date } } = {}): FlowStore {
  const statements = {
    insertFlow: db.prepare('INSERT INTO flows (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING'),
    selectLatest: db.prepare('SELECT latest_version FROM flows WHERE name = ?').pluck(),
    insertVersion: db.prepare(`INSERT INTO flow_versions (name, version, trigger, definition, sha256, author, requested_by, created_at)
      VALUES (@name, @version, @trigger, @definition, @sha256, @author, @requestedBy, @createdAt)`),
    updateLatest: db.prepare('UPDATE flows SET latest_version = ? WHERE name = ?'),
    selectVersion: db.prepare(`${SELECT_VERSIONS} WHERE v.name = ? AND v.version = ?`),
    selectLatestVersion: db.prepare(`${SELECT_VERSIONS} WHERE v.name = ? AND v.version = f.latest_version`),
    selectVersions: db.prepare(`${SELECT_VERSIONS} WHERE v.name = ? ORDER BY v.version`),
    selectAllLatest: db.prepare(`${SELECT_VERSIONS} WHERE v.version = f.latest_version ORDER BY v.name`),
    selectActiveFor: db.prepare(`${SELECT_VERSIONS} WHERE v.version = f.active_version AND v.trigger = ? ORDER BY v.name`),
    review: db.prepare('UPDATE flow_versions SET status = @decision, reviewer = @reviewer, review_comment = @comment, reviewed_at = @reviewedAt WHERE name = @name AND version = @version'),
    activate: db.prepare('UPDATE flows SET active_version = @version WHERE name = @name AND (active_version IS NULL OR active_version < @version)'),
  };
  const read = (row: unknown) => flowRecord(row as FlowVersionRow);
  const getVersion = (name: string, version?: number) => {
    const row = version === undefined ? statements.selectLatestVersion.get(name) : statements.selectVersion.get(name, version);
    return row === undefined ? undefined : read(row);
  };

  const publish = db.transaction((row: { name: string; trigger: string; definition: string; sha256: string; author: string; requestedBy: string | null; createdAt: string }) => {
    statements.insertFlow.run(row.name, row.createdAt);
    const version = (statements.selectLatest.get(row.name) as number) + 1;
    statements.insertVersion.run({ ...row, version });
    statements.updateLatest.run(version, row.name);
    return version;
  });

  const review = db.transaction((input: FlowReviewInput & { reviewedAt: string }) => {
    const label = `${input.name}@${input.version}`;
    const target = getVersion(input.name, input.version);
    if (!target) throw new JoineryError('NOT_FOUND', `no flow version ${label}`);
    const role = sameActor(input.reviewer, target.author) ? 'authored' : sameActor(input.reviewer, target.requestedBy) ? 'requested' : null;
    if (role !== null) {
      throw new JoineryError('FORBIDDEN', `${input.reviewer} cannot review ${label}: they ${role} it, and a version must be reviewed by a second person`, { reason: `reviewer-${role}` });
    }
    if (target.status !== 'pending_review') throw new JoineryError('CONFLICT', `${label} was already reviewed: it is ${target.status}`);
    statements.review.run({ ...input, comment: input.comment ?? null });
    if (input.decision === 'approved') statements.activate.run({ name: input.name, version: input.version });
  });

  return {
    publish({ definition, author, requestedBy = null }) {
      const checked = parseFlowDefinition(definition);
      const text = JSON.stringify(checked);
      const row = {
        name: checked.name,
        trigger: checked.trigger,
        definition: text,
        sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
        author: requireActor(author, 'author'),
        requestedBy: requestedBy === null ? null : requireActor(requestedBy, 'requestedBy'),
        createdAt: now().toISOString(),
      };
      const version = publish.immediate(row);
      return getVersion(checked.name, version) as FlowVersionRecord;
    },
    review(input) {
      if (input.decision !== 'approved' && input.decision !== 'rejected') throw new JoineryError('INVALID_INPUT', 'decision: expected "approved" or "rejected"');
      if (!Number.isSafeInteger(input.version) || input.version < 1) throw new JoineryError('INVALID_INPUT', 'version: expected a whole number >= 1');
      review.immediate({ ...input, reviewer: requireActor(input.reviewer, 'reviewer'), reviewedAt: now().toISOString() });
      return getVersion(input.name, input.version) as FlowVersionRecord;
    },
    getVersion,
    listVersions: (name) => statements.selectVersions.all(name).map(read),
    listFlows: () => statements.selectAllLatest.all().map((row) => flowSummary(row as FlowVersionRow)),
    activeFlowsFor: (trigger) => statements.selectActiveFor.all(trigger).map(read),
  };
}

export function requireActor(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim().length === 0) throw new JoineryError('INVALID_INPUT', `${field}: must be a non-empty name`, { field });
  return value;
}

export function flowRecord(row: FlowVersionRow): FlowVersionRecord {
  return {
    name: row.name,
    version: row.version,
    trigger: row.trigger,
    definition: JSON.parse(row.definition) as FlowVersionRecord['definition'],
    sha256: row.sha256,
    author: row.author,
    requestedBy: row.requested_by,
    status: row.status,
    reviewer: row.reviewer,
    reviewComment: row.review_comment,
    reviewedAt: row.reviewed_at,
    createdAt: row.created_at,
    active: row.active_version === row.version,
  };
}

export function flowSummary(row: FlowVersionRow): FlowSummary {
  return { name: row.name, trigger: row.trigger, latestVersion: row.version, latestStatus: row.status, activeVersion: row.active_version };
}
