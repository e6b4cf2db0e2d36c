// /history: each turn the admin typed, the answers it took, and what it produced; the current draft marked.

import type { Output } from '../output.ts';
import type { ChatSession, ChatTurn } from './chat-session.ts';

const MARKS: Record<ChatTurn['verdict'], string> = { changed: '✓', unchanged: '=', failed: '✗', unanswered: '?' };

export function showHistory(session: ChatSession, output: Output): void {
  const turns = session.history();
  if (turns.length === 0) {
    output.line('No turns yet.');
    return;
  }
  const current = session.current();
  for (const turn of turns) {
    const marker = turn === current ? '  ← current' : turn.dropped ? `  (${turn.dropped})` : '';
    output.line(`${turn.number}. ${MARKS[turn.verdict]} "${oneLine(turn.said)}"${marker}`, turn === current ? 'good' : turn.dropped ? 'quiet' : undefined);
    for (const clarification of turn.clarifications) output.line(`     Clarification: ${clarification}`, 'quiet');
    output.line(`     → ${produced(turn)}`, 'quiet');
  }
}

function produced(turn: ChatTurn): string {
  const { result } = turn;
  const report = result.draft.lastTest?.report;
  const name = result.draft.spec?.name ?? 'the draft';
  switch (turn.verdict) {
    case 'changed':
      return `${name}${turn.base ? `, changed from turn ${turn.base.number}` : ''}: ${report?.passed ?? 0} passed, ${report?.failed ?? 0} failed`;
    case 'unchanged':
      return `no change from turn ${turn.base?.number}`;
    case 'unanswered':
      return `an open question: ${result.question?.question ?? result.reason}`;
    case 'failed':
      return `not applied: ${oneLine(result.reason).slice(0, 160)}`;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
