// A worker process for the cross-process claim test: claims from the queue in `file` until it is empty,
// printing "claimed <id>" for each claim, and completes each event.

import { createSqliteEventQueue } from '../../../core/events/index.ts';
import { closeDatabase, openDatabase } from '../../../core/store/index.ts';

const [file = '', owner = 'child'] = process.argv.slice(2);
const db = openDatabase(file, { synchronous: 'NORMAL' });
const queue = createSqliteEventQueue(db);
for (let claimed = await queue.claim({ owner, leaseMs: 60_000 }); claimed; claimed = await queue.claim({ owner, leaseMs: 60_000 })) {
  process.stdout.write(`claimed ${claimed.event.id}\n`);
  await queue.complete({ id: claimed.event.id, leaseId: claimed.leaseId });
}
closeDatabase(db);
