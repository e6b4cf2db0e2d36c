// What an attacker with write access to joinery.db does: drop the trigger that guards versions, then
// rewrite a column of a published version (issue 9, defect 6).

import type { SqliteDatabase } from '../../core/store/index.ts';

export function tamperWithVersion(db: SqliteDatabase, { name, version, column, value }: { name: string; version: number; column: 'bundle' | 'source' | 'sha256'; value: string }): void {
  db.exec('DROP TRIGGER IF EXISTS versions_content_is_immutable');
  db.prepare(`UPDATE versions SET ${column} = ? WHERE name = ? AND version = ?`).run(value, name, version);
}
