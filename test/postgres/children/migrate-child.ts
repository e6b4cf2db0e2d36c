// Opens (and so migrates) the database at argv[2] after the start time in argv[3], then prints the ids it
// applied as one JSON line: several of these started together race to migrate one empty database.

import { applyPostgresMigrations, openSyncConnection, POSTGRES_MIGRATIONS } from '../../../core/postgres/index.ts';

const [url, startAt] = process.argv.slice(2);
if (url === undefined || startAt === undefined) throw new Error('usage: migrate-child <url> <start-at-ms>');
const connection = openSyncConnection({ connectionString: url });
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.max(0, Number(startAt) - Date.now()));
const applied = applyPostgresMigrations(connection, POSTGRES_MIGRATIONS);
process.stdout.write(`${JSON.stringify(applied)}\n`);
connection.close();
