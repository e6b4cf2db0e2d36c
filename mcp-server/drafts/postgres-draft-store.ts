// The DraftStore over PostgreSQL (synchronous connection): the SQLite store's statements in Postgres's
// dialect. One statement per save, so two saves racing for a name cannot both believe they created it.

import type { SyncSql } from '../../core/postgres/index.ts';
import { draftConflict, toRecord, type DraftRow } from './sqlite-draft-store.ts';
import type { DraftStore } from './types.ts';

type Row = DraftRow & Record<string, unknown>;
const COLUMNS = 'owner, name, author, source, fixtures, spec, test_summary, requirement, conversation_id, created_at, updated_at';
const INSERT = `INSERT INTO drafts (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)`;
const REPLACE = `ON CONFLICT (owner, name) DO UPDATE SET author = excluded.author, source = excluded.source, fixtures = excluded.fixtures,
  spec = excluded.spec, test_summary = excluded.test_summary, requirement = excluded.requirement,
  conversation_id = excluded.conversation_id, updated_at = excluded.updated_at`;

export function createPostgresDraftStore(sql: SyncSql, { _internal: { now = () => new Date() } = {} }: { _internal?: { now?: () => Date } } = {}): DraftStore {
  const selectOne = (owner: string, name: string) => sql.query<Row>('SELECT * FROM drafts WHERE owner = $1 AND name = $2', [owner, name]).rows[0];
  return {
    save(draft, { overwrite = false } = {}) {
      const parameters = [
        draft.owner, draft.name, draft.author, draft.source, draft.fixtures, draft.spec, JSON.stringify(draft.testSummary),
        draft.requirement, draft.conversationId, now().toISOString(),
      ];
      const conflict = overwrite ? REPLACE : 'ON CONFLICT (owner, name) DO NOTHING';
      const [row] = sql.query<Row>(`${INSERT} ${conflict} RETURNING *`, parameters).rows;
      if (row) return toRecord(row);
      throw draftConflict(draft.owner, draft.name, selectOne(draft.owner, draft.name));
    },
    get(owner, name) {
      const row = selectOne(owner, name);
      return row && toRecord(row);
    },
    list: (owner) => sql.query<Row>('SELECT * FROM drafts WHERE owner = $1 ORDER BY updated_at DESC, name COLLATE "C"', [owner]).rows.map(toRecord),
    delete: (owner, name) => sql.query('DELETE FROM drafts WHERE owner = $1 AND name = $2', [owner, name]).rowCount > 0,
  };
}
