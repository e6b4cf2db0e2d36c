// The clause accounting as the admin reads it: one row per clause, what it became, and what in it was
// not understood. Shown before the author writes anything and again in a refusal.

import type { AccountedToken, ClauseAccount } from './account-clauses.ts';

const CLAUSE_WIDTH = 70;

export function renderAccounting(accounts: ClauseAccount[], values: Record<string, unknown>, { maxLength = Number.POSITIVE_INFINITY } = {}): string {
  const header = ['Clause accounting:', '| # | clause | became |', '|---|---|---|'];
  const rows = accounts.map((account) => `| ${account.index + 1} | ${shorten(account.text)} | ${became(account, values)} |`);
  const lines = [...header];
  for (const [position, row] of rows.entries()) {
    if ([...lines, row].join('\n').length > maxLength - 40) {
      lines.push(`| … | ${rows.length - position} more clause${rows.length - position === 1 ? '' : 's'} | |`);
      break;
    }
    lines.push(row);
  }
  return lines.join('\n');
}

function became(account: ClauseAccount, values: Record<string, unknown>): string {
  const missing = account.tokens.filter((token) => token.by === undefined);
  if (!account.understood) return `✗ not understood${missing.length ? ` (${missing.map(describeToken).join(', ')})` : ''}`;
  if (missing.length > 0) return `✗ nothing accounts for ${missing.map(describeToken).join(', ')}`;
  const settings = account.produced.filter((name) => name !== 'example').map((name) => (name in values ? `${name} = ${shortValue(values[name])}` : name));
  const examples = account.produced.includes('example') ? ['example fixtures taken literally'] : [];
  const parts = [...settings, ...examples];
  return parts.length > 0 ? `✓ ${parts.join('; ')}` : "✓ the template's behaviour";
}

export function describeToken(token: AccountedToken): string {
  return `"${token.text}" (${token.kind === 'people' ? 'who it applies to' : token.kind})`;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').replace(/\|/g, '/');
  return flat.length <= CLAUSE_WIDTH ? flat : `${flat.slice(0, CLAUSE_WIDTH - 1)}…`;
}

function shortValue(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return (text.length <= 40 ? text : `${text.slice(0, 39)}…`).replace(/\|/g, '/');
}
