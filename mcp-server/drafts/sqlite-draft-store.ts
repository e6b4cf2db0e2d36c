// The DraftStore over the project's SQLite file (table `drafts`, migration 0004).

import type { SqliteDatabase } from '../../core/store/index.ts';
import type { TestSummary } from '../tools/test-summary.ts';
import type { DraftRecord, DraftStore } from './types.ts';

interface DraftRow {
  owner: string;
  name: string;
  author: string;
  source: string;
  fixtures: string;
  spec: string | null;
  test_summary: string;
  created_at: string;
  updated_at: string;
}

export function createSqliteDraftStore(db: SqliteDatabase, { _internal: { now = () => new Date() } = {} }: { _internal?: { now?: () => Date } } = {}): DraftStore {
  const upsert = db.prepare(`INSERT INTO drafts (owner, name, author, source, fixtures, spec, test_summary, created_at, updated_at)
    VALUES (@owner, @name, @author, @source, @fixtures, @spec, @testSummary, @at, @at)
    ON CONFLICT (owner, name) DO UPDATE SET author = excluded.author, source = excluded.source, fixtures = excluded.fixtures,
      spec = excluded.spec, test_summary = excluded.test_summary, updated_at = excluded.updated_at
    RETURNING *`);
  const selectOne = db.prepare('SELECT * FROM drafts WHERE owner = ? AND name = ?');
  const selectOwned = db.prepare('SELECT * FROM drafts WHERE owner = ? ORDER BY updated_at DESC, name');

  return {
    save(draft) {
      const row = upsert.get({ ...draft, testSummary: JSON.stringify(draft.testSummary), at: now().toISOString() }) as DraftRow;
      return toRecord(row);
    },
    get(owner, name) {
      const row = selectOne.get(owner, name) as DraftRow | undefined;
      return row && toRecord(row);
    },
    list: (owner) => (selectOwned.all(owner) as DraftRow[]).map(toRecord),
  };
}

function toRecord(row: DraftRow): DraftRecord {
  return {
    owner: row.owner,
    name: row.name,
    author: row.author,
    source: row.source,
    fixtures: row.fixtures,
    spec: row.spec,
    testSummary: JSON.parse(row.test_summary) as TestSummary,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
