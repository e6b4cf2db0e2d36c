// The worker behind a synchronous connection, as the JavaScript it runs: it owns one `pg` client and
// answers one request at a time. Its owner is blocked in Atomics.wait until the reply is posted, so this
// thread must always reply, and flip the signal only after posting (the owner reads the reply with
// receiveMessageOnPort as soon as it wakes).
//
// Why a script and not a module file: a worker started from a .ts file needs tsx registered inside it,
// which took 350-800 ms per connection here; this script starts in a few milliseconds from the sources and
// from dist/ alike, and needs no entry in scripts/build-plan.mjs. It stays small: the protocol is in
// sync-protocol.ts, and the `pg` module and type parsers are handed in by the owner (workerData.pgEntry).

import { REPLIED } from './sync-protocol.ts';

export const SYNC_WORKER_SCRIPT = `
const { workerData } = require('node:worker_threads');
const { connectionString, signal, port, applicationName, pgEntry } = workerData;
let lostConnection;
const reply = (message) => {
  port.postMessage(message);
  Atomics.store(signal, 0, ${REPLIED});
  Atomics.notify(signal, 0);
};
const failure = (error) =>
  ({ ok: false, message: String((error && error.message) || error), sqlState: error && error.code, constraint: error && error.constraint });
import(pgEntry).then(({ default: pg }) => {
  // BIGINT and NUMERIC as numbers: see type-parsers.ts, which the pool uses.
  const numeric = (value) => Number(value);
  const types = { getTypeParser: (oid, format) => (oid === 20 || oid === 1700 ? numeric : pg.types.getTypeParser(oid, format)) };
  const client = new pg.Client({ connectionString, application_name: applicationName, types });
  client.on('error', (error) => { lostConnection = error.message; });
  const answer = async (request) => {
    if (lostConnection !== undefined) return { ok: false, message: 'the connection to PostgreSQL was lost: ' + lostConnection, sqlState: '08006' };
    if (request.kind === 'connect') { await client.connect(); return { ok: true, rows: [], rowCount: 0 }; }
    if (request.kind === 'end') { await client.end(); return { ok: true, rows: [], rowCount: 0 }; }
    const result = await client.query({ text: request.sql, values: request.parameters });
    return { ok: true, rows: result.rows, rowCount: result.rowCount ?? 0 };
  };
  port.on('message', (request) => { answer(request).then(reply, (error) => reply(failure(error))); });
}, (error) => {
  port.on('message', () => reply(failure(error)));
});
`;
