import { relative, resolve } from 'node:path';
import type { Command } from '../command.ts';
import { writeEditorTypes } from '../editor-types.ts';

export const initCommand: Command = {
  name: 'init',
  summary: 'Set up a functions folder for editors: tsconfig.json and the SDK declarations',
  usage: [
    'Usage: joinery init [--out <dir>] [--json]',
    '',
    '  --out <dir>  the functions folder (default: functions)',
    '',
    'Writes joinery-sdk.d.ts and joinery-sandbox-globals.d.ts (rewritten on every init, so they follow the',
    'installed Joinery) and tsconfig.json (only when missing), so that an editor and',
    '`npx tsc --noEmit -p functions` check functions as `joinery check` does. `joinery author` does this',
    'the first time it writes to a folder.',
  ].join('\n'),
  options: { out: { type: 'string' } },
  async run({ values }, context, output) {
    const folder = resolve(context.cwd, typeof values.out === 'string' ? values.out : 'functions');
    const { written, keptTsconfig } = writeEditorTypes(folder);
    const shown = relative(context.cwd, folder) || '.';
    for (const name of written) output.line(`✓ wrote ${shown}/${name}`);
    if (keptTsconfig) output.line(`  kept ${shown}/tsconfig.json as it is`);
    if (written.length === 0) output.line(`✓ ${shown} is up to date`);
    output.line(`Check every function there with: npx tsc --noEmit -p ${shown}`);
    output.result({ ok: true, folder: shown, written, keptTsconfig });
    return 0;
  },
};
