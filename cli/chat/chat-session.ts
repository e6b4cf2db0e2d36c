// What a chat remembers: every turn the admin typed (for /history), and the stack of turns whose drafts
// passed and changed something. The top of the stack is the current draft: follow-ups build on it and
// /publish publishes it. A refused, failed, unanswered or unchanged turn never goes on the stack, so it
// cannot poison what comes after it; /undo pops the stack, /reset empties it.

import { withClarifications, type AuthorResult, type Draft } from '../../agent/index.ts';

/** changed: passed with a new draft; unchanged: passed with the same source and fixtures as before. */
type TurnVerdict = 'changed' | 'unchanged' | 'failed' | 'unanswered';

export interface ChatTurn {
  number: number;
  /** What the admin typed. */
  said: string;
  /** The answers to the author's questions, as the sentences added to the requirement. */
  clarifications: string[];
  result: AuthorResult;
  verdict: TurnVerdict;
  /** The turn whose draft this one built on, if any. */
  base?: ChatTurn;
  /** Set when /undo or /reset took this turn's draft off the stack. */
  dropped?: 'undone' | 'reset';
}

export interface ChatSession {
  /** The last passing draft still on the stack. */
  current(): ChatTurn | undefined;
  /** The newest turn of any verdict. */
  latest(): ChatTurn | undefined;
  history(): readonly ChatTurn[];
  record(turn: Omit<ChatTurn, 'number' | 'verdict'>): ChatTurn;
  /** Takes the current draft off the stack; returns it, or undefined when there was none. */
  undo(): ChatTurn | undefined;
  /** Empties the stack; returns how many drafts it held. */
  reset(): number;
}

export function createChatSession(): ChatSession {
  const turns: ChatTurn[] = [];
  const stack: ChatTurn[] = [];
  return {
    current: () => stack.at(-1),
    latest: () => turns.at(-1),
    history: () => turns,
    record(turn) {
      const recorded: ChatTurn = { ...turn, number: turns.length + 1, verdict: verdictOf(turn.result, turn.base?.result.draft) };
      turns.push(recorded);
      if (recorded.verdict === 'changed') stack.push(recorded);
      return recorded;
    },
    undo() {
      const undone = stack.pop();
      if (undone) undone.dropped = 'undone';
      return undone;
    },
    reset() {
      const count = stack.length;
      for (const turn of stack.splice(0)) turn.dropped = 'reset';
      return count;
    },
  };
}

function verdictOf(result: AuthorResult, before: Draft | undefined): TurnVerdict {
  if (result.stop === 'needs-answer') return 'unanswered';
  if (!result.ok) return 'failed';
  return before && sameDraft(before, result.draft) ? 'unchanged' : 'changed';
}

/** The same function: identical source and fixtures (the spec's wording alone changes nothing that runs). */
function sameDraft(before: Draft, after: Draft): boolean {
  return before.source === after.source && before.fixturesText === after.fixturesText;
}

/** The requirement a turn's draft answers: the rule and each follow-up it built on, with their answers. */
export function requirementOf(turn: ChatTurn): string {
  const said = withClarifications(turn.said, turn.clarifications);
  return turn.base ? `${requirementOf(turn.base)}\n${said}` : said;
}
