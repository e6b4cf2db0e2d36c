// A separate process racing for names: argv = database file, process number, events per process. Each of
// its events walks the same candidates (jsmith, jsmith1, ...) until one is its own; prints what it chose.

import { createSqliteReservationLedger } from '../../../core/ledger/index.ts';
import { closeDatabase, openDatabase } from '../../../core/store/index.ts';

const [file = '', processNumber = '0', perProcess = '0'] = process.argv.slice(2);
const db = openDatabase(file, { synchronous: 'NORMAL', busyTimeoutMs: 30_000 });
const ledger = createSqliteReservationLedger(db);
const candidates = Array.from({ length: 60 }, (_, index) => `jsmith${index === 0 ? '' : index}`);
const chosen: Array<string | null> = [];
for (let event = 0; event < Number(perProcess); event += 1) {
  let name: string | null = null;
  for (const candidate of candidates) {
    if (await ledger.reserve({ kind: 'username', value: candidate, eventId: `p${processNumber}-e${event}` })) {
      name = candidate;
      break;
    }
  }
  chosen.push(name);
}
closeDatabase(db);
process.stdout.write(JSON.stringify(chosen));
