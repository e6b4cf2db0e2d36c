// A JOINERY_HOME on disk with the sample function published and approved, for tests and benches that
// start `node bin/joinery.js mcp` as a separate process.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publishFunction, type Toolchain } from '../../core/pipeline/index.ts';
import { createSqliteRegistry } from '../../core/registry/index.ts';
import { openDatabase } from '../../core/store/index.ts';
import { createRealToolchain } from '../helpers/real-toolchain.ts';
import { SAMPLE_SPEC, sampleFixtures, sampleSource } from './sample-function.ts';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const JOINERY_BIN = join(REPO_ROOT, 'bin', 'joinery.js');

export async function createPublishedHome(toolchain: Toolchain): Promise<{ home: string; remove(): void }> {
  const home = mkdtempSync(join(tmpdir(), 'joinery-mcp-'));
  const registry = createSqliteRegistry(openDatabase(join(home, 'joinery.db')));
  try {
    const published = await publishFunction({ source: sampleSource(), fixturesText: sampleFixtures(), spec: SAMPLE_SPEC, author: 'alice', toolchain, registry });
    if (!published.ok) throw new Error('the sample did not publish');
    registry.review({ name: published.version.name, version: published.version.version, reviewer: 'carol', decision: 'approved' });
  } finally {
    registry.close();
  }
  return { home, remove: () => rmSync(home, { recursive: true, force: true }) };
}

/** A published, approved home for spawned servers, built with a toolchain of its own that is closed after. */
export async function createPublishedHomeAlone(): Promise<{ home: string; remove(): void }> {
  const toolchain = createRealToolchain();
  try {
    return await createPublishedHome(toolchain);
  } finally {
    await toolchain.close();
  }
}
