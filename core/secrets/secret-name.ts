import { JoineryError } from '../errors.ts';

/** Secret names look like environment variables: GRAPH_TOKEN, SLACK_WEBHOOK_URL. */
export const SECRET_NAME_PATTERN = /^[A-Z][A-Z0-9_]{0,63}$/;

export function assertSecretName(name: unknown): asserts name is string {
  if (typeof name === 'string' && SECRET_NAME_PATTERN.test(name)) return;
  const shown =
    typeof name === 'string' ? JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name) : String(name);
  throw new JoineryError(
    'INVALID_INPUT',
    `invalid secret name ${shown}: use an uppercase letter first, then up to 63 of A-Z, 0-9 and "_" (e.g. GRAPH_TOKEN)`,
    { field: 'name' },
  );
}
