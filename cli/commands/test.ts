import { testFunction } from '../../core/pipeline/index.ts';
import type { Command } from '../command.ts';
import { printTest, testJson } from '../format.ts';
import { readTextFile, siblingPath } from '../inputs.ts';

export const testCommand: Command = {
  name: 'test',
  summary: 'Check a function and run its fixtures in the sandbox',
  usage: [
    'Usage: joinery test <file.ts> [--fixtures <file.json>] [--json]',
    '',
    '  --fixtures <file>  the fixture file (default: <file>.fixtures.json beside the function)',
    '',
    'Nothing leaves the machine: the directory, secrets and HTTP responses come from each fixture.',
    'Exit 1 when a check or a fixture fails, 2 when a file is missing or the fixture file is malformed.',
  ].join('\n'),
  options: { fixtures: { type: 'string' } },
  async run({ positionals, values }, context, output) {
    const [path] = positionals;
    if (!path || positionals.length > 1) {
      output.note(this.usage);
      return 2;
    }
    const fixturesPath = typeof values.fixtures === 'string' ? values.fixtures : siblingPath(path, '.fixtures.json');
    const source = readTextFile(context.cwd, path, 'function file');
    const fixturesText = readTextFile(context.cwd, fixturesPath, 'fixture file');
    const result = await testFunction({ source, fixturesText, toolchain: await context.toolchain() });
    printTest(result, { source: path, fixtures: fixturesPath }, output);
    output.result(testJson(result));
    if (result.fixtureProblems.length > 0) return 2;
    return result.ok ? 0 : 1;
  },
};
