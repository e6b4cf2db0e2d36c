// What the admin sees after a turn: the spec when it is new or changed, the code and fixture diffs against
// the draft the turn built on, the tests, and one verdict line. A follow-up that passes but changes
// neither source nor fixtures is said loudly as "no change", never as a success that changed something.

import { renderSpec, type Draft } from '../../agent/index.ts';
import { diffLines, formatUnifiedDiff } from '../../core/diff/index.ts';
import { printTest } from '../format.ts';
import type { Output } from '../output.ts';
import type { ChatTurn } from './chat-session.ts';

export function showTurn(turn: ChatTurn, output: Output): void {
  const { result, base } = turn;
  const { draft } = result;
  const before = base?.result.draft;
  if (turn.verdict === 'unanswered' && result.question) {
    output.line(`? Not answered: ${result.question.question} Type the follow-up again with the answer in it, or another one.`, 'warning');
    keptLine(base, output);
    return;
  }
  if (turn.verdict === 'unchanged') {
    output.line(`= NO CHANGE: the author passed, but the function and fixtures are exactly those of turn ${base?.number}.`, 'warning');
    output.line('  Nothing of this follow-up was applied; rephrase it (say what should differ, e.g. "limit usernames to 15 characters").', 'warning');
    return;
  }
  if (turn.verdict === 'failed') {
    const attempted = draft.lastTest && (!before || draft.source !== before.source);
    if (attempted && draft.lastTest) printTest(draft.lastTest, { source: 'attempt', fixtures: 'attempt fixtures' }, output);
    output.line(`✗ ${result.reason} (${result.turns} turns)`, 'bad');
    keptLine(base, output);
    return;
  }
  if (draft.spec && (!before?.spec || renderSpec(before.spec) !== renderSpec(draft.spec))) output.line(renderSpec(draft.spec));
  if (before) showDiffs(before, draft, output);
  if (draft.lastTest) printTest(draft.lastTest, { source: 'draft', fixtures: 'draft fixtures' }, output);
  output.line(`✓ ${result.reason} (${result.turns} turns)`, 'good');
  output.line('Type a follow-up, /undo, /history, /publish to send it for review, or /quit.', 'quiet');
}

function keptLine(base: ChatTurn | undefined, output: Output): void {
  if (base) output.line(`The passing draft of turn ${base.number} stays current: follow-ups build on it and /publish publishes it.`);
  else output.line('Nothing passes yet: type the rule again, rephrased.');
}

function showDiffs(before: Draft, after: Draft, output: Output): void {
  const parts: Array<[[string, string], string | undefined, string | undefined]> = [
    [['previous function', 'this function'], before.source, after.source],
    [['previous fixtures', 'these fixtures'], before.fixturesText, after.fixturesText],
  ];
  for (const [labels, old, now] of parts) {
    if (old === undefined || now === undefined || old === now) continue;
    const diff = formatUnifiedDiff(diffLines(old, now), { labels });
    for (const line of diff.trimEnd().split('\n')) {
      output.line(line, diffStyle(line));
    }
  }
}

function diffStyle(line: string): 'added' | 'removed' | undefined {
  if (line.startsWith('+') && !line.startsWith('+++')) return 'added';
  if (line.startsWith('-') && !line.startsWith('---')) return 'removed';
  return undefined;
}
