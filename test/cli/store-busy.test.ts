// "database is locked": another connection held SQLite's write lock past the busy timeout. Nothing was
// written and a retry may pass, so the CLI and the MCP server say so (CONFLICT) instead of an internal error.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, expect, it } from 'vitest';
import { storeBusyError } from '../../core/errors.ts';
import { closeDatabase, openDatabase, type SqliteDatabase } from '../../core/store/index.ts';
import { createOutput, reportError } from '../../cli/output.ts';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Registry } from '../../core/registry/index.ts';
import { createHarness, structured } from '../mcp-server/harness.ts';

const opened: SqliteDatabase[] = [];
const folders: string[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) closeDatabase(db);
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** The error a write meets while another connection holds the write lock (busy timeout 20 ms). */
function busyWrite(): unknown {
  const folder = mkdtempSync(join(tmpdir(), 'joinery-busy-'));
  folders.push(folder);
  const holder = openDatabase(join(folder, 'joinery.db'));
  const writer = openDatabase(join(folder, 'joinery.db'), { busyTimeoutMs: 20 });
  opened.push(writer, holder);
  holder.exec('CREATE TABLE IF NOT EXISTS t (x INTEGER)');
  holder.exec('BEGIN IMMEDIATE');
  try {
    writer.exec('INSERT INTO t VALUES (1)');
  } catch (error) {
    return error;
  } finally {
    holder.exec('ROLLBACK');
  }
  throw new Error('the write did not wait for the lock');
}

const sink = () => {
  const chunks: string[] = [];
  return { stream: new Writable({ write: (chunk, _encoding, done) => { chunks.push(String(chunk)); done(); } }), text: () => chunks.join('') };
};

it('reads SQLITE_BUSY as a CONFLICT that says to try again, and nothing else', () => {
  const error = busyWrite();
  expect((error as { code?: string }).code).toMatch(/^SQLITE_BUSY/);
  expect(storeBusyError(error)).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('try again') });
  expect(storeBusyError(new Error('database is locked'))).toBeUndefined();
  expect(storeBusyError({ code: 'SQLITE_CONSTRAINT' })).toBeUndefined();
});

it('the CLI reports it as CONFLICT with exit code 2, not as an internal error (3)', () => {
  const stdout = sink();
  const stderr = sink();
  const code = reportError(busyWrite(), createOutput({ json: true, stdout: stdout.stream, stderr: stderr.stream, color: false }));
  expect(code).toBe(2);
  expect(JSON.parse(stdout.text())).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  expect(stderr.text()).toContain('the database was busy');
});

it('the MCP server answers it as an isError CONFLICT, not an internal error with a reference', async () => {
  const harness = createHarness();
  try {
    const busy = busyWrite();
    const registry = { ...harness.registry, listFunctions: () => { throw busy; } };
    const client = await harness.connectWith({ ...harness.deps, registry }, { name: 'ada', role: 'admin' });
    const result = (await client.callTool({ name: 'list_functions', arguments: {} })) as CallToolResult;
    expect(result.isError).toBe(true);
    expect(structured(result)).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('try again') });
  } finally {
    await harness.close();
  }
});

it('a prompt or resource read meets it as a JSON-RPC error with code CONFLICT, not an internal error', async () => {
  const harness = createHarness();
  try {
    const busy = busyWrite();
    // Every read of the registry meets the lock.
    const fail = () => {
      throw busy;
    };
    const get = (target: Registry, property: string | symbol) => (typeof Reflect.get(target, property) === 'function' ? fail : Reflect.get(target, property));
    const registry = new Proxy(harness.registry, { get });
    const client = await harness.connectWith({ ...harness.deps, registry }, { name: 'ada', role: 'admin' });
    const prompt = { name: 'review_function', arguments: { name: 'generate-username', version: 'latest' } };
    const failure = await client.getPrompt(prompt).then(() => undefined, (error: unknown) => error);
    expect(failure).toMatchObject({ data: { code: 'CONFLICT' }, message: expect.stringContaining('try again') });
  } finally {
    await harness.close();
  }
});
