// The one place that loads isolated-vm. Each line of isolated-vm supports a narrow band of Node versions
// (5.x: Node 20 (it builds up to 22); 6.x: Node 22 and 24, prebuilt; 7.x: Node >= 24, prebuilt), so
// package.json installs each under an alias and npm skips the ones whose engines exclude this Node; the
// newest line that loads in this Node wins.
import { createRequire } from 'node:module';
import { JoineryError } from '../core/errors.ts';

export type IsolatedVm = typeof import('isolated-vm');

const CANDIDATES = ['isolated-vm-7', 'isolated-vm-6', 'isolated-vm-5', 'isolated-vm'] as const;
const SUPPORTED_NODE_VERSIONS = '20, 22 and 24';

let loaded: IsolatedVm | undefined;

/** Returns the isolated-vm module for this Node, loading it once. Throws JoineryError('INTERNAL') if no build loads. */
export function loadIsolatedVm(): IsolatedVm {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const failures: Array<{ candidate: string; code: string }> = [];
  for (const candidate of CANDIDATES) {
    try {
      loaded = require(candidate) as IsolatedVm;
      return loaded;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      failures.push({ candidate, code: typeof code === 'string' ? code : 'LOAD_FAILED' });
    }
  }
  throw new JoineryError(
    'INTERNAL',
    `isolated-vm could not be loaded in Node ${process.version}; the sandbox supports Node ${SUPPORTED_NODE_VERSIONS}`,
    { failures },
  );
}

/** isolated-vm needs `--no-node-snapshot` on Node >= 20: isolates with mixed snapshots can crash the process. */
export function hasNoNodeSnapshotFlag(): boolean {
  return (
    process.execArgv.includes('--no-node-snapshot') || /--no-node-snapshot/.test(process.env['NODE_OPTIONS'] ?? '')
  );
}
