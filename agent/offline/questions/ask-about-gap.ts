// Asking instead of giving up: when a clause is understood but leaves a choice open (a prefix without
// saying which, a delivery channel the template may not use, a day that may be a condition or a start
// time), the author asks the admin with choices. Each choice carries one plain sentence that, appended to
// the requirement as "Clarification: <sentence>", settles the clause; the next reading reads it like any
// other sentence. The contract is the ask_admin tool's input.

import type { AccountedToken, ClauseAccount } from '../accounting/account-clauses.ts';

export interface AdminQuestion {
  clause: string;
  question: string;
  /** 2 to 5 choices. */
  choices: Array<{ key: string; label: string; clarification: string }>;
}

interface Gap {
  clause: ClauseAccount;
  token: AccountedToken;
}

/** The first gap a question can settle, for the family that read the requirement; undefined when none can. */
export function questionFor(family: string | undefined, gaps: Gap[]): AdminQuestion | undefined {
  for (const { clause, token } of gaps) {
    const asked = askPrefix(family, clause, token) ?? askChannel(family, clause, token) ?? askDay(family, clause, token);
    if (asked) return asked;
  }
  return undefined;
}

/** "Contractors get a prefix": which one? */
function askPrefix(family: string | undefined, clause: ClauseAccount, token: AccountedToken): AdminQuestion | undefined {
  if (family !== 'username' || token.kind !== 'people' || !/\bprefix/i.test(clause.text)) return undefined;
  if (clause.tokens.some((other) => other.kind === 'affix' || other.kind === 'quoted')) return undefined;
  const who = token.text.toLowerCase().replace(/s$/, '');
  const people = `${who.charAt(0).toUpperCase()}${who.slice(1)}s`;
  const choice = (prefix: string) => ({
    key: prefix,
    label: `${prefix} (${prefix}jsmith)`,
    clarification: `${people} get the prefix ${prefix} on the username.`,
  });
  const choices = [choice(`${who.charAt(0)}-`), choice('ext-'), choice('x-')];
  return { clause: clause.text, question: `${people}: which prefix goes in front of the username?`, choices };
}

/** A pass "emailed" to the manager: the template delivers through Slack. */
function askChannel(family: string | undefined, clause: ClauseAccount, token: AccountedToken): AdminQuestion | undefined {
  if (family !== 'tap' || token.kind !== 'channel') return undefined;
  return {
    clause: clause.text,
    question: 'Which channel delivers the pass to the manager?',
    choices: [
      {
        key: 'slack',
        label: 'Slack incoming webhook (secret SLACK_WEBHOOK_PATH)',
        clarification: `"${token.text}" means: send the pass to the manager through the Slack incoming webhook.`,
      },
      { key: 'sendgrid', label: 'Email via SendGrid', clarification: 'Email the pass to the manager with SendGrid.' },
      { key: 'graph', label: 'Email via Microsoft Graph sendMail', clarification: 'Email the pass to the manager with Microsoft Graph sendMail.' },
    ],
  };
}

/** "for new hires starting on Monday": only Monday starters, or a pass valid from the start date? */
function askDay(family: string | undefined, clause: ClauseAccount, token: AccountedToken): AdminQuestion | undefined {
  if (family !== 'tap' || token.kind !== 'day') return undefined;
  const phrase = /\bstart(?:ing|s)? on \w+/i.exec(clause.text)?.[0] ?? token.text;
  return {
    clause: clause.text,
    question: `"${phrase}": is that a condition on who gets a pass, or when the pass becomes valid?`,
    choices: [
      {
        key: 'start',
        label: 'The pass becomes valid on their start date',
        clarification: `"${phrase}" means the pass is valid from 08:00 UTC on their start date.`,
      },
      {
        key: 'only',
        label: `Only people whose start date is a ${token.text}`,
        clarification: `Only new hires whose start date is a ${token.text} get a pass.`,
      },
    ],
  };
}
