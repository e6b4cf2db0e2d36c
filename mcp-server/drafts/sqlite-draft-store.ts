// The DraftStore over the project's SQLite file (table `drafts`, migrations 0004 and 0005).

import { JoineryError } from '../../core/errors.ts';
import type { SqliteDatabase } from '../../core/store/index.ts';
import { readStoredSummary } from '../tools/test-summary.ts';
import type { DraftRecord, DraftStore } from './types.ts';

export interface DraftRow {
  owner: string;
  name: string;
  author: string;
  source: string;
  fixtures: string;
  spec: string | null;
  test_summary: string;
  requirement: string | null;
  conversation_id: string | null;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'owner, name, author, source, fixtures, spec, test_summary, requirement, conversation_id, created_at, updated_at';
const VALUES = '@owner, @name, @author, @source, @fixtures, @spec, @testSummary, @requirement, @conversationId, @at, @at';

export function createSqliteDraftStore(db: SqliteDatabase, { _internal: { now = () => new Date() } = {} }: { _internal?: { now?: () => Date } } = {}): DraftStore {
  // One statement each, so two saves racing for a name cannot both believe they created it.
  const insert = db.prepare(`INSERT INTO drafts (${COLUMNS}) VALUES (${VALUES}) ON CONFLICT (owner, name) DO NOTHING RETURNING *`);
  const upsert = db.prepare(`INSERT INTO drafts (${COLUMNS}) VALUES (${VALUES})
    ON CONFLICT (owner, name) DO UPDATE SET author = excluded.author, source = excluded.source, fixtures = excluded.fixtures,
      spec = excluded.spec, test_summary = excluded.test_summary, requirement = excluded.requirement,
      conversation_id = excluded.conversation_id, updated_at = excluded.updated_at
    RETURNING *`);
  const selectOne = db.prepare('SELECT * FROM drafts WHERE owner = ? AND name = ?');
  const selectOwned = db.prepare('SELECT * FROM drafts WHERE owner = ? ORDER BY updated_at DESC, name');
  const deleteOne = db.prepare('DELETE FROM drafts WHERE owner = ? AND name = ?');

  return {
    save(draft, { overwrite = false } = {}) {
      const parameters = { ...draft, testSummary: JSON.stringify(draft.testSummary), at: now().toISOString() };
      const row = (overwrite ? upsert : insert).get(parameters) as DraftRow | undefined;
      if (row) return toRecord(row);
      const existing = selectOne.get(draft.owner, draft.name) as DraftRow;
      throw draftConflict(draft.owner, draft.name, existing);
    },
    get(owner, name) {
      const row = selectOne.get(owner, name) as DraftRow | undefined;
      return row && toRecord(row);
    },
    list: (owner) => (selectOwned.all(owner) as DraftRow[]).map(toRecord),
    delete: (owner, name) => deleteOne.run(owner, name).changes > 0,
  };
}

export function toRecord(row: DraftRow): DraftRecord {
  return {
    owner: row.owner,
    name: row.name,
    author: row.author,
    source: row.source,
    fixtures: row.fixtures,
    spec: row.spec,
    testSummary: readStoredSummary(JSON.parse(row.test_summary)),
    requirement: row.requirement,
    conversationId: row.conversation_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The CONFLICT of a save without `overwrite` onto an existing draft; shared with the Postgres store. */
export function draftConflict(owner: string, name: string, existing: DraftRow | undefined): JoineryError {
  const which = existing === undefined ? '' : ` (by ${existing.author}, saved ${existing.updated_at})`;
  return new JoineryError('CONFLICT', `${owner} already has a draft named "${name}"${which}; pass overwrite: true to replace it, or use another name`);
}
