// Reading what the user points the CLI at, with precise errors and bounded sizes. Text must be UTF-8: a
// file that is not is refused with the byte offset, never decoded with replacement characters.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { JoineryError } from '../core/errors.ts';
import { decodeUtf8 } from '../core/text/index.ts';

export const MAX_INPUT_FILE_BYTES = 4 * 1024 * 1024;

export function readTextFile(cwd: string, path: string, what: string): string {
  const full = resolve(cwd, path);
  if (!existsSync(full)) throw new JoineryError('INVALID_INPUT', `${what} "${path}" does not exist`);
  const stats = statSync(full);
  if (!stats.isFile()) throw new JoineryError('INVALID_INPUT', `${what} "${path}" is not a file`);
  if (stats.size > MAX_INPUT_FILE_BYTES) {
    throw new JoineryError('INVALID_INPUT', `${what} "${path}" is ${stats.size} bytes; the limit is ${MAX_INPUT_FILE_BYTES}`);
  }
  return decodeUtf8(readFileSync(full), `${what} "${path}"`);
}

/** `functions/x.ts` → `functions/x.fixtures.json` (the default beside the function). */
export function siblingPath(sourcePath: string, suffix: string): string {
  return sourcePath.replace(/\.(ts|mts)$/, '') + suffix;
}

export function optionalSibling(cwd: string, sourcePath: string, suffix: string): string | null {
  const path = siblingPath(sourcePath, suffix);
  return existsSync(resolve(cwd, path)) ? readTextFile(cwd, path, basename(path)) : null;
}

/** `name@3` → { name, version: 3 }; `name` → { name }. */
export function parseReference(text: string | undefined, { versionRequired = false } = {}): { name: string; version?: number } {
  if (!text) throw new JoineryError('INVALID_INPUT', `missing function name${versionRequired ? ' and version (name@version)' : ''}`);
  const match = /^([a-z][a-z0-9-]{0,62})(?:@(\d{1,9}))?$/.exec(text);
  if (!match) {
    throw new JoineryError('INVALID_INPUT', `"${text}" is not a function reference; expected name${versionRequired ? '@version' : '[@version]'} (kebab-case name, numeric version)`);
  }
  if (versionRequired && match[2] === undefined) throw new JoineryError('INVALID_INPUT', `"${text}" needs a version: ${text}@<version>`);
  return match[2] === undefined ? { name: match[1]! } : { name: match[1]!, version: Number(match[2]) };
}

/** `name@3` → { name, version: 3 }; a reference without a version is INVALID_INPUT. */
export function parseVersionedReference(text: string | undefined): { name: string; version: number } {
  const { name, version } = parseReference(text, { versionRequired: true });
  if (version === undefined) throw new JoineryError('INVALID_INPUT', `"${text ?? ''}" needs a version: name@<version>`);
  return { name, version };
}

export function parseVersionNumber(text: string | undefined, label: string): number {
  if (!text || !/^\d{1,9}$/.test(text) || Number(text) < 1) throw new JoineryError('INVALID_INPUT', `${label} must be a version number such as 2, got "${text ?? ''}"`);
  return Number(text);
}

export function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new JoineryError('INVALID_INPUT', `${what} is not valid JSON: ${(error as Error).message}`);
  }
}

export async function readAll(stream: NodeJS.ReadableStream, limitBytes = MAX_INPUT_FILE_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > limitBytes) throw new JoineryError('INVALID_INPUT', `standard input is over ${limitBytes} bytes`);
    chunks.push(buffer);
  }
  return decodeUtf8(Buffer.concat(chunks), 'standard input');
}

export function requireString(value: unknown, option: string): string {
  if (typeof value !== 'string' || !value.trim()) throw new JoineryError('INVALID_INPUT', `${option} is required`);
  return value;
}
