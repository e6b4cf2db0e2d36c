// A version's stored sha256 is checked against its source and bundle before it runs (and `show` reports
// it), so code altered in the database file, triggers dropped, never reaches the sandbox unnoticed. This
// catches tampering with the content; someone who can also rewrite the digest column is caught only by
// comparing with a digest kept elsewhere (the review record, a published list).

import { JoineryError } from '../errors.ts';
import type { VersionRecord } from './types.ts';
import { versionDigest } from './version-digest.ts';

type DigestedVersion = Pick<VersionRecord, 'name' | 'version' | 'source' | 'bundle' | 'sha256'>;

export interface VersionIntegrity {
  ok: boolean;
  /** The digest recorded at publication. */
  stored: string;
  /** The digest of the source and bundle as they are now. */
  computed: string;
}

export function versionIntegrity(record: DigestedVersion): VersionIntegrity {
  const computed = versionDigest(record.source, record.bundle);
  return { ok: computed === record.sha256, stored: record.sha256, computed };
}

/** Throws INTEGRITY, naming the version and both digests, unless the content matches its digest. */
export function assertVersionIntegrity(record: DigestedVersion): void {
  const { ok, stored, computed } = versionIntegrity(record);
  if (ok) return;
  throw new JoineryError(
    'INTEGRITY',
    `${record.name}@${record.version} was altered after it was published: its stored sha256 is ${stored} but its ` +
      `source and bundle hash to ${computed}; it will not run. Restore the database from a backup, or publish and review it again`,
    { name: record.name, version: record.version, stored, computed },
  );
}
