// Loads (creating when missing) the key files <folder>/home-<i>/secret.key for i below argv[3], starting at
// the time in argv[4], and prints one JSON line per file: the key it got and whether it created the file,
// or the error. Several of these started together race to create the same new keys.

import { join } from 'node:path';
import { resolveSecretKey } from '../../../core/secrets/index.ts';

const [folder, count, startAt] = process.argv.slice(2);
if (folder === undefined || count === undefined || startAt === undefined) throw new Error('usage: load-key-child <folder> <count> <start-at-ms>');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.max(0, Number(startAt) - Date.now()));
const lines: string[] = [];
for (let index = 0; index < Number(count); index += 1) {
  try {
    const { key, created } = resolveSecretKey({ env: {}, keyFile: join(folder, `home-${index}`, 'secret.key') });
    lines.push(JSON.stringify({ index, key: key.toString('hex'), created }));
  } catch (error) {
    lines.push(JSON.stringify({ index, error: (error as Error).message }));
  }
}
process.stdout.write(`${lines.join('\n')}\n`);
