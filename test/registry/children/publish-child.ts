// A separate Node process that publishes to a shared database file, for the crash and concurrency tests.
// Usage: node --import tsx publish-child.ts <publish|hang> <db file or postgres:// URL> <count>
//   publish: prints "ready", waits for a line on stdin, publishes <count> versions, prints their numbers
//            as JSON and exits.
//   hang:    publishes <count> versions, then starts one more and, inside its transaction after the
//            version row is written, prints "inserted <n>" and spins until killed.

import { writeSync } from 'node:fs';
import { once } from 'node:events';
import { openSyncConnection } from '../../../core/postgres/index.ts';
import { createPostgresRegistry, createSqliteRegistry, type Registry } from '../../../core/registry/index.ts';
import { openDatabase } from '../../../core/store/index.ts';
import { samplePublishInput } from '../sample-publish-input.ts';

const [mode, file, countText] = process.argv.slice(2);
const count = Number(countText);

/** A postgres:// URL opens the Postgres registry (its connection is closed when the process exits). */
function openRegistry(location: string): Registry {
  if (!location.startsWith('postgres')) return createSqliteRegistry(openDatabase(location));
  return createPostgresRegistry(openSyncConnection({ connectionString: location }));
}

if (mode === 'publish') {
  const registry = openRegistry(file ?? '');
  writeSync(1, 'ready\n');
  await once(process.stdin, 'data');
  const versions: number[] = [];
  for (let index = 0; index < count; index++) {
    versions.push(registry.publish(samplePublishInput({ source: `pid ${process.pid} #${index}` })).version);
  }
  writeSync(1, `${JSON.stringify(versions)}\n`);
  registry.close();
  process.exit(0);
} else if (mode === 'hang') {
  let hang = false;
  const registry = createSqliteRegistry(openDatabase(file!), {
    _internal: {
      afterPublishInsert(version) {
        if (!hang) return;
        writeSync(1, `inserted ${version}\n`);
        for (;;) {
          // Spin inside the open transaction until the parent sends SIGKILL.
        }
      },
    },
  });
  for (let index = 0; index < count; index++) registry.publish(samplePublishInput({ source: `committed #${index}` }));
  hang = true;
  registry.publish(samplePublishInput({ source: 'never committed' }));
} else {
  throw new Error(`unknown mode ${mode}`);
}
