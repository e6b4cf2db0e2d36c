// The current draft on disk, as `joinery author` writes it: <name>.ts, .fixtures.json, .spec.md, and the
// conversation that produced it. Written after each turn that changes the current draft and after /undo.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { renderSpec } from '../../agent/index.ts';
import type { Output } from '../output.ts';
import type { ChatTurn } from './chat-session.ts';

export function saveTurnFiles(turn: ChatTurn, { outDir, cwd, output }: { outDir: string; cwd: string; output: Output }): void {
  const { draft, messages } = turn.result;
  const name = draft.spec?.name ?? 'draft';
  mkdirSync(outDir, { recursive: true });
  if (draft.source) writeFileSync(join(outDir, `${name}.ts`), draft.source);
  if (draft.fixturesText) writeFileSync(join(outDir, `${name}.fixtures.json`), draft.fixturesText);
  if (draft.spec) writeFileSync(join(outDir, `${name}.spec.md`), renderSpec(draft.spec));
  writeFileSync(join(outDir, `${name}.conversation.json`), `${JSON.stringify(messages, null, 2)}\n`);
  output.line(`(turn ${turn.number} saved in ${relative(cwd, outDir) || '.'}/${name}.*)`, 'quiet');
}
