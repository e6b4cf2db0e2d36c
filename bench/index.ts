// `npm run bench [-- --json] [-- --only sandbox,typecheck]`: runs every benchmark and prints its figures
// (with the peer each is compared against). With --json, stdout is one JSON object of named figures.

import { benchAuthor } from './author.ts';
import { benchBundle } from './bundle.ts';
import { benchConsole } from './console-pages.ts';
import { benchFixtures } from './fixtures.ts';
import { benchMcp } from './mcp.ts';
import { benchPublish } from './publish.ts';
import { benchSandbox } from './sandbox.ts';
import { benchStartup } from './startup.ts';
import { benchStoreRoundTrip } from './store-roundtrip.ts';
import { benchThroughput } from './throughput.ts';
import { benchServeLoad } from './serve-load.ts';
import { benchServeNodes } from './serve-nodes.ts';
import { benchTypecheck } from './typecheck.ts';
import { createExecutor } from '../sandbox/index.ts';

type Figures = Record<string, number>;

const SUITES: Record<string, () => Promise<Figures>> = {
  sandbox: () => benchSandbox(),
  typecheck: () => benchTypecheck(),
  bundle: () => benchBundle(),
  fixtures: async () => {
    // The CLI's default is two executor processes; one process is the floor it is compared with.
    const figures: Figures = {};
    for (const processes of [2, 1]) {
      const runner = createExecutor({ concurrency: processes });
      try {
        for (const [key, value] of Object.entries(await benchFixtures({ runner }))) figures[`${processes}proc.${key}`] = value;
      } finally {
        await runner.close();
      }
    }
    return figures;
  },
  publish: () => benchPublish(),
  mcp: () => benchMcp(),
  throughput: () => benchThroughput(),
  author: () => benchAuthor(),
  startup: () => benchStartup(),
  serve: () => benchServeLoad(),
  'serve-nodes': () => benchServeNodes(),
  store: () => benchStoreRoundTrip(),
  console: () => benchConsole(),
};

async function main(argv: string[]): Promise<void> {
  const json = argv.includes('--json');
  const onlyIndex = argv.indexOf('--only');
  const only = onlyIndex >= 0 ? (argv[onlyIndex + 1] ?? '').split(',') : Object.keys(SUITES);
  const unknown = only.filter((name) => !(name in SUITES));
  if (unknown.length > 0) {
    process.stderr.write(`unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(SUITES).join(', ')}\n`);
    process.exitCode = 2;
    return;
  }
  const all: Figures = { nodeMajor: Number(process.versions.node.split('.')[0]) };
  // Suites print their own tables to stderr when --json is set, so stdout stays one JSON document.
  const log = console.log;
  if (json) console.log = (...args: unknown[]) => process.stderr.write(args.join(' ') + '\n');
  try {
    for (const name of only) {
      process.stderr.write(`# ${name}\n`);
      const figures = await SUITES[name]!();
      for (const [key, value] of Object.entries(figures)) all[`${name}.${key}`] = Math.round(value * 1000) / 1000;
    }
  } finally {
    console.log = log;
  }
  if (json) process.stdout.write(JSON.stringify(all, null, 2) + '\n');
  else for (const [key, value] of Object.entries(all)) console.log(`${key.padEnd(44)} ${value}`);
}

await main(process.argv.slice(2));
