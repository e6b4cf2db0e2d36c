import { fileURLToPath } from 'node:url';

/** This package's root: its `node_modules` holds the npm packages authored code may be allowed to use. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
