// The version a run executes: approved, by default the active one, its content checked against its stored
// sha256 (INTEGRITY). Versions are immutable and an approval is final, so a process verifies each approved
// version's content once and keeps it (a few dozen, least recently used first out); every run still reads
// the version's head (number, digest, status) from the store, so activating another version, or a digest
// that no longer matches what was verified, takes effect on the next run.

import { JoineryError } from '../errors.ts';
import { assertVersionIntegrity, type Registry, type VersionHead, type VersionRecord } from '../registry/index.ts';

const MAX_VERIFIED = 64;
const verifiedBy = new WeakMap<Registry, Map<string, VersionRecord>>();

export function resolveRunnableVersion(registry: Registry, name: string, version?: number): VersionRecord {
  return runnableRecord(registry, runnableHead(registry, name, version));
}

/**
 * The content of an approved version whose head the caller has just read (the MCP tool reads it itself,
 * for errors that name its tools): verified once per process, like resolveRunnableVersion.
 */
export function runnableRecord(registry: Registry, head: VersionHead): VersionRecord {
  const { name } = head;
  if (head.status !== 'approved') {
    throw new JoineryError('FORBIDDEN', `${name}@${head.version} is ${head.status.replace('_', ' ')}; only approved versions run`);
  }
  let verified = verifiedBy.get(registry);
  if (verified === undefined) {
    verified = new Map();
    verifiedBy.set(registry, verified);
  }
  const key = `${head.name}@${head.version}#${head.sha256}`;
  const known = verified.get(key);
  if (known !== undefined) {
    verified.delete(key); // to the most recently used end
    verified.set(key, known);
    return known;
  }
  const record = registry.getVersion(name, head.version);
  const changed = () => new JoineryError('CONFLICT', `${name}@${head.version} changed while it was being read; run it again`);
  if (record === undefined || record.status !== 'approved') throw changed();
  assertVersionIntegrity(record);
  if (record.sha256 !== head.sha256) throw changed();
  verified.set(key, Object.freeze(record));
  if (verified.size > MAX_VERIFIED) verified.delete(verified.keys().next().value as string);
  return record;
}

function runnableHead(registry: Registry, name: string, version: number | undefined): VersionHead {
  if (version === undefined) {
    const active = registry.getVersionHead(name, 'active');
    if (active) return active;
    if (!registry.getVersionHead(name, 'latest')) throw new JoineryError('NOT_FOUND', `no function named "${name}"`);
    throw new JoineryError('CONFLICT', `${name} has no approved version yet; a reviewer approves one with: joinery review ${name}@<version> --approve`);
  }
  const head = registry.getVersionHead(name, version);
  if (!head) throw new JoineryError('NOT_FOUND', `no version ${name}@${version}`);
  return head;
}
