// Issue 9, defect 8: four-eyes compares normalised names, refuses names with invisible characters, and
// records how each publishing and reviewing actor was established.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actorKey, createSqliteRegistry, sameActor, versionDigest, type Registry } from '../../core/registry/index.ts';
import { MIGRATIONS, openDatabase, type SqliteDatabase } from '../../core/store/index.ts';
import { expectError } from './expect-joinery-error.ts';
import { samplePublishInput } from './sample-publish-input.ts';

describe('four eyes on normalised names', () => {
  let registry: Registry;
  beforeEach(() => {
    registry = createSqliteRegistry(openDatabase(':memory:'));
    registry.publish(samplePublishInput({ author: 'carol', requestedBy: null }));
  });
  afterEach(() => registry.close());

  const review = (reviewer: string) => () => registry.review({ name: 'generate-username', version: 1, reviewer, decision: 'approved' });

  it.each([['Carol'], ['CAROL '], ['ｃａｒｏｌ'], ['Ｃarol']])('%j is the author carol: FORBIDDEN', (reviewer) => {
    expectError(review(reviewer), 'FORBIDDEN', 'they authored it');
  });

  it.each([
    ['a zero-width space', 'ca\u200brol', 'U+200B'],
    ['a zero-width joiner', 'carol\u200d', 'U+200D'],
    ['a bidi override', '\u202ecarol', 'U+202E'],
    ['a control character', 'car\x1bol', 'U+001B'],
    ['a soft hyphen', 'car\u00adol', 'U+00AD'],
    ['a Hangul filler', 'carol\u3164', 'U+3164'],
  ])('refuses a reviewer name with %s', (_label, reviewer, codePoint) => {
    expectError(review(reviewer), 'INVALID_INPUT', codePoint);
    expect(registry.listReviews('generate-username', 1)).toEqual([]);
  });

  it('refuses such names as author, requester and activating actor too', () => {
    expectError(() => registry.publish(samplePublishInput({ author: 'ali\u200bce', source: 'v2' })), 'INVALID_INPUT', 'author');
    expectError(() => registry.publish(samplePublishInput({ requestedBy: 'bob\u2066', source: 'v3' })), 'INVALID_INPUT', 'requestedBy');
    registry.review({ name: 'generate-username', version: 1, reviewer: 'dave', decision: 'approved' });
    expectError(() => registry.activate('generate-username', 1, { actor: 'dave\u0000' }), 'INVALID_INPUT', 'actor');
  });

  it('compares names stored before the rule with their invisible characters removed, and case-folds', () => {
    expect(sameActor('ca\u200brol', 'carol')).toBe(true);
    expect(sameActor('Strauß', 'STRAUSS')).toBe(true);
    expect(actorKey(' Ｃａｒｏｌ\u200b ')).toBe('carol');
    expect(sameActor('carol', 'caro1')).toBe(false);
  });
});

describe('how the actor was established', () => {
  let db: SqliteDatabase;
  let registry: Registry;
  afterEach(() => registry.close());

  it('is recorded with the version and the review', () => {
    db = openDatabase(':memory:');
    registry = createSqliteRegistry(db);
    const version = registry.publish(samplePublishInput({ actorSource: 'env' }));
    expect(version.actorSource).toBe('env');
    const reviewed = registry.review({ name: 'generate-username', version: 1, reviewer: 'bob', decision: 'approved', actorSource: 'as-flag-local-trust' });
    expect(reviewed.actorSource).toBe('as-flag-local-trust');
    expect(registry.listReviews('generate-username', 1)[0]).toMatchObject({ actorSource: 'as-flag-local-trust' });
    expect(() => db.prepare("UPDATE versions SET actor_source = 'mcp-token'").run()).toThrow(/immutable/);
  });

  it('is null for rows written before it was recorded, which keep working', () => {
    db = openDatabase(':memory:', { migrations: MIGRATIONS.slice(0, 4) });
    const input = samplePublishInput();
    db.prepare("INSERT INTO functions (name, created_at) VALUES (?, '2026-01-01')").run(input.name);
    db.prepare(`INSERT INTO versions (name, version, source, bundle, source_map, sha256, manifest, fixtures, check_report,
        test_report, spec, author, requested_by, parent_version, created_at)
      VALUES (?, 1, ?, ?, ?, ?, ?, '[]', '{}', '{}', NULL, 'alice', NULL, NULL, '2026-01-01')`)
      .run(input.name, input.source, input.bundle, input.sourceMap, versionDigest(input.source, input.bundle), JSON.stringify(input.manifest));
    db.prepare('UPDATE functions SET latest_version = 1 WHERE name = ?').run(input.name);
    registry = createSqliteRegistry(db);
    expect(registry.getVersion(input.name, 1)).toMatchObject({ author: 'alice', actorSource: null });
    expect(registry.review({ name: input.name, version: 1, reviewer: 'bob', decision: 'approved' }).actorSource).toBeNull();
  });
});
