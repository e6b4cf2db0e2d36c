// The offline author's reference for the leaver-revoke family: given the parameters and a user.left
// event, whether a correct function revokes now, waits, or refuses, and the day access may go.
// Computed independently of the template.

export interface LeaverRevokeParams {
  functionName: string;
  deferUntilLastDay: boolean;
  daysAfterLastDay: number;
  revokeSessions: boolean;
  missingUser: 'error' | 'skip';
  tokenSecret: string;
}

export interface LeaverEvent {
  occurredAt: string;
  lastDay?: string;
  account?: { userPrincipalName?: string; email?: string };
}

export type LeaverDecision =
  | { kind: 'refuse'; error: string }
  | { kind: 'wait'; revokeOn: string }
  | { kind: 'revoke'; userPrincipalName: string; path: string };

function monthLength(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** Calendar arithmetic on YYYY-MM-DD by parts; undefined for a date that does not exist. */
export function addDays(day: string, days: number): string | undefined {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!parts) return undefined;
  let [year, month, date] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (month < 1 || month > 12 || date < 1 || date > monthLength(year, month)) return undefined;
  date += days;
  while (date > monthLength(year, month)) {
    date -= monthLength(year, month);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

export function decideLeaver(params: LeaverRevokeParams, event: LeaverEvent): LeaverDecision {
  const upn = (event.account?.userPrincipalName ?? '').trim();
  const at = upn.indexOf('@');
  if (at <= 0 || at !== upn.lastIndexOf('@') || at === upn.length - 1 || /\s/.test(upn)) return { kind: 'refuse', error: 'userPrincipalName is missing or not a UPN' };
  if (params.deferUntilLastDay && event.lastDay !== undefined) {
    const revokeOn = addDays(event.lastDay, params.daysAfterLastDay);
    if (revokeOn === undefined) return { kind: 'refuse', error: 'is not a YYYY-MM-DD date' };
    if (event.occurredAt.slice(0, 10) < revokeOn) return { kind: 'wait', revokeOn };
  }
  const path = [...upn].map((character) => (/[A-Za-z0-9\-_.!~*'()@]/.test(character) ? character : encodeURIComponent(character))).join('');
  return { kind: 'revoke', userPrincipalName: upn, path };
}
