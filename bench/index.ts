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

const USAGE = `npm run bench [-- --only NAME[,NAME...]] [-- --json]

Runs the benchmarks and prints their figures, each beside the peer it is compared with.
  --only   run these only: ${Object.keys(SUITES).join(', ')}
  --json   stdout is one JSON object of named figures (the tables go to stderr)
Needs node --no-node-snapshot (npm run bench passes it): isolated-vm requires it.
`;

/** The flags as given, or a message saying what is wrong with them. */
function readFlags(argv: string[]): { json: boolean; only: string[] } | { problem: string } {
  const onlyIndex = argv.indexOf('--only');
  const names = onlyIndex >= 0 && !(argv[onlyIndex + 1] ?? '--').startsWith('--') ? onlyIndex + 1 : -1;
  const stray = argv.filter((arg, index) => arg !== '--json' && arg !== '--only' && index !== names);
  if (stray.length > 0) return { problem: `unknown argument ${stray.join(' ')}` };
  if (onlyIndex >= 0 && names === -1) return { problem: '--only needs benchmark names' };
  const only = names === -1 ? Object.keys(SUITES) : (argv[names] ?? '').split(',').filter(Boolean);
  const unknown = only.filter((name) => !(name in SUITES));
  if (unknown.length > 0) return { problem: `unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(SUITES).join(', ')}` };
  return { json: argv.includes('--json'), only };
}

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return;
  }
  const flags = readFlags(argv);
  if ('problem' in flags) {
    process.stderr.write(`bench: ${flags.problem}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (!process.execArgv.includes('--no-node-snapshot') && !/--no-node-snapshot/.test(process.env.NODE_OPTIONS ?? '')) {
    process.stderr.write('bench: start Node with --no-node-snapshot (npm run bench does), which isolated-vm needs\n');
    process.exitCode = 2;
    return;
  }
  const { json, only } = flags;
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
