import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * This package's root, the nearest folder above this module that holds a package.json: its `node_modules`
 * holds the npm packages authored code may be allowed to use. Searched rather than counted, because the
 * compiled module lives one level deeper (dist/core/build/) than its source.
 */
export const PACKAGE_ROOT = packageRootAbove(dirname(fileURLToPath(import.meta.url)));

function packageRootAbove(start: string): string {
  for (let folder = start; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'package.json'))) return `${folder}/`;
    if (dirname(folder) === folder) return `${start}/`;
  }
}
