// Bundles an executor child has been sent, by digest, so the parent sends a bundle and its source map to a
// child once and afterwards only the digest (executor-protocol.ts). Bounded by count and by characters,
// least recently used out first; a job whose digest was evicted is answered `bundle-missing` and the parent
// sends it again with the bytes. The parent keeps a mirror of what it sent each child (`createSentBundles`),
// bounded the same way and holding sizes only, so it rarely sends a digest the child no longer has.
import { createHash } from 'node:crypto';
import { recentMemo } from './recent-memo.ts';

export interface BundleBytes {
  bundle: string;
  sourceMap?: string | undefined;
}

export interface BundleCacheBounds {
  maxBundles?: number;
  maxChars?: number;
}

/** Names the bundle and its source map together: the same code with another map is another entry. */
export function bundleDigest({ bundle, sourceMap }: BundleBytes): string {
  const hash = createHash('sha256').update(`${bundle.length}:`).update(bundle);
  if (sourceMap !== undefined) hash.update(sourceMap);
  return hash.digest('base64');
}

/** bundleDigest for the parent, remembering the last few bundles (recent-memo.ts). */
export function createDigestMemo(size = 8): (bytes: BundleBytes) => string {
  const digest = recentMemo((bundle: string, sourceMap: string | undefined) => bundleDigest({ bundle, sourceMap }), size);
  return ({ bundle, sourceMap }) => digest(bundle, sourceMap);
}

const charsOf = ({ bundle, sourceMap }: BundleBytes) => bundle.length + (sourceMap?.length ?? 0);

/** The child's side: the bytes by digest. */
export function createBundleCache(bounds: BundleCacheBounds = {}) {
  return createBoundedCache<BundleBytes>(charsOf, bounds);
}

export type SentBundles = ReturnType<typeof createSentBundles>;

/** The parent's mirror of one child's cache. */
export function createSentBundles(bounds: BundleCacheBounds = {}) {
  const mirror = createBoundedCache<number>((chars) => chars, bounds);
  return {
    /** Whether the child should still hold these bytes (a use, as it is for the child). */
    has: (digest: string) => mirror.get(digest) !== undefined,
    sent: (digest: string, bytes: BundleBytes) => mirror.put(digest, charsOf(bytes)),
    forget: (digest: string) => mirror.delete(digest),
  };
}

function createBoundedCache<Value>(sizeOf: (value: Value) => number, { maxBundles = 64, maxChars = 64 * 1024 * 1024 }: BundleCacheBounds) {
  const entries = new Map<string, Value>(); // in least recently used order
  let total = 0;

  function remove(digest: string): void {
    const found = entries.get(digest);
    if (found === undefined) return;
    entries.delete(digest);
    total -= sizeOf(found);
  }

  return {
    get(digest: string): Value | undefined {
      const found = entries.get(digest);
      if (found === undefined) return undefined;
      entries.delete(digest);
      entries.set(digest, found);
      return found;
    },
    /** Keeps the newest entry even when it alone is over `maxChars`: the job that brought it runs now. */
    put(digest: string, value: Value): void {
      remove(digest);
      entries.set(digest, value);
      total += sizeOf(value);
      for (const oldest of [...entries.keys()]) {
        if (entries.size <= maxBundles && total <= maxChars) return;
        if (oldest !== digest) remove(oldest);
      }
    },
    delete: remove,
  };
}
