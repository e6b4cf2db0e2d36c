// The database holds personal data (the directory, execution inputs) and token hashes, so what Joinery
// creates to hold it is owner-only whatever the umask: folders 0700, files 0600 (SQLite gives the -wal
// and -shm files the database file's mode). What already exists is left as the operator set it, but a
// mode that lets group or others in is reported. POSIX only: Windows has no such mode bits.

import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';

export const PRIVATE_DIRECTORY_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;
const POSIX = process.platform !== 'win32';

/** Creates `path` and any missing parents, each 0700. Existing folders are left alone. */
export function ensurePrivateDirectory(path: string): void {
  const firstCreated = mkdirSync(path, { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
  if (firstCreated === undefined || !POSIX) return;
  for (let folder = path; ; folder = dirname(folder)) {
    chmodSync(folder, PRIVATE_DIRECTORY_MODE);
    if (folder === firstCreated || dirname(folder) === folder) break;
  }
}

/** Creates an empty `path` 0600 when it does not exist (exclusively, so a racing creator wins cleanly). */
export function ensurePrivateFile(path: string): void {
  let descriptor: number;
  try {
    descriptor = openSync(path, 'wx', PRIVATE_FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw error;
  }
  try {
    if (POSIX) chmodSync(path, PRIVATE_FILE_MODE);
  } finally {
    closeSync(descriptor);
  }
}

/** A warning when `path` exists and group or others may use it; undefined otherwise. */
export function permissionWarning(path: string): string | undefined {
  if (!POSIX) return undefined;
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return undefined;
  }
  const mode = stats.mode & 0o777;
  if ((mode & 0o077) === 0) return undefined;
  const fix = stats.isDirectory() ? 'chmod 700' : 'chmod 600';
  return `${basename(path)} is accessible to group or others (mode ${mode.toString(8).padStart(4, '0')}); it holds ` +
    `personal data and token hashes: make it owner-only with ${fix} ${path}`;
}
