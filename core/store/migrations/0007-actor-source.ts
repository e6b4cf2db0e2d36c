// How the person who published a version, or reviewed it, was established (see core/registry/actor-name.ts):
// the OS user, JOINERY_USER, an --as allowed by local trust, or an MCP token. Rows written before this
// step have NULL: not recorded. Like the rest of a version, it never changes once written.

import type { Migration } from '../types.ts';

const SOURCES = `('os-user', 'env', 'as-flag-local-trust', 'mcp-token')`;

export const actorSourceSchema: Migration = {
  id: '0007-actor-source',
  up(db) {
    db.exec(`
ALTER TABLE versions ADD COLUMN actor_source TEXT CHECK (actor_source IS NULL OR actor_source IN ${SOURCES});
ALTER TABLE reviews ADD COLUMN actor_source TEXT CHECK (actor_source IS NULL OR actor_source IN ${SOURCES});

CREATE TRIGGER versions_actor_source_is_immutable BEFORE UPDATE OF actor_source ON versions
BEGIN SELECT RAISE(ABORT, 'versions are immutable: only the review status of a version may change'); END;
`);
  },
};
