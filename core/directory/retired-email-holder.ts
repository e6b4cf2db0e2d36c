// Retired email addresses, as functions see them. A removed user's address is never handed out again (the
// next John Smith must not receive the mail still sent to the previous one's john.smith@), so findUsers
// reports a retired address as held, by a placeholder: disabled, no id of a real account, no username.
// Functions that test "is this address free?" with findUsers({ email }) then see it taken, live and in
// fixtures alike, without a new ctx method.

import type { DirectoryUser } from '../sdk/index.ts';

export const RETIRED_EMAIL_ID_PREFIX = 'retired-email:';

/** The placeholder user findUsers returns for a retired address (as it was written when retired). */
export function retiredEmailHolder(email: string): DirectoryUser {
  return {
    id: `${RETIRED_EMAIL_ID_PREFIX}${email}`,
    username: '',
    email,
    displayName: '',
    employeeId: '',
    department: '',
    status: 'disabled',
    groups: [],
  };
}

/**
 * The placeholders a findUsers filter matches: one when it asks for a retired email (`retiredAs`, the
 * address as recorded) and every other field it gives matches the placeholder's empty ones.
 */
export function retiredEmailHolders(
  filter: { username?: string; email?: string; employeeId?: string },
  retiredAs: string | undefined,
): DirectoryUser[] {
  if (filter.email === undefined || retiredAs === undefined) return [];
  if ((filter.username ?? '') !== '' || (filter.employeeId ?? '') !== '') return [];
  return [retiredEmailHolder(retiredAs)];
}
