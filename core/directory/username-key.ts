/**
 * The form in which usernames and emails are compared: Unicode NFC, then lowercase. Beyond ASCII case
 * ("JSmith" = "jsmith"), it makes "Zoë" typed precomposed or with a combining mark the same name, and
 * "ÉMILE" the same as "émile", so a name is never handed out twice in two spellings.
 */
export function usernameKey(value: string): string {
  return value.normalize('NFC').toLowerCase();
}
