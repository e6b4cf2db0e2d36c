// The offline author's reference for the tap family: the Graph request and the Slack message a correct
// function sends for given parameters. Computed independently of the template, so fixtures test it.

import type { Person } from '../../../core/sdk/index.ts';

export interface TapParams {
  functionName: string;
  trigger: 'user.joined' | 'manual';
  lifetimeInMinutes: number;
  isUsableOnce: boolean;
  startTimeOnStartDate: string;
}

/** RFC 3986 unreserved characters and '@' stay; every other byte is percent-encoded (guest UPNs hold '#'). */
export function escapeUserPrincipalName(userPrincipalName: string): string {
  let escaped = '';
  for (const character of userPrincipalName) {
    if (/[A-Za-z0-9\-_.!~*'()@]/.test(character)) {
      escaped += character;
      continue;
    }
    for (const byte of new TextEncoder().encode(character)) escaped += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return escaped;
}

export function graphUrl(userPrincipalName: string): string {
  return `https://graph.microsoft.com/v1.0/users/${escapeUserPrincipalName(userPrincipalName)}/authentication/temporaryAccessPassMethods`;
}

export function graphBody(params: TapParams, person: Person): Record<string, unknown> {
  const body: Record<string, unknown> = { lifetimeInMinutes: params.lifetimeInMinutes, isUsableOnce: params.isUsableOnce };
  if (params.startTimeOnStartDate) body.startDateTime = `${person.startDate}T${params.startTimeOnStartDate}`;
  return body;
}

/** What Graph grants and answers: the pass, with the lifetime and usability the tenant policy allowed. */
export interface Granted {
  pass: string;
  lifetimeInMinutes: number;
  isUsableOnce: boolean;
  startDateTime: string;
}

export function slackText(person: Person, userPrincipalName: string, granted: Granted): string {
  const shownFirstName = person.preferredName && person.preferredName.trim() !== '' ? person.preferredName.trim() : person.firstName;
  const usage = granted.isUsableOnce ? 'single use' : 'reusable until it expires';
  return (
    `Temporary Access Pass for ${shownFirstName} ${person.lastName} (${userPrincipalName}), starting ${person.startDate}.\n` +
    `For their manager ${(person.managerEmail ?? '').trim()}: hand it over in person or by phone, never by email.\n` +
    `Pass: ${granted.pass}\n` +
    `Valid for ${granted.lifetimeInMinutes} minutes from ${granted.startDateTime}, ${usage}.`
  );
}
