// Reading the SQLSTATE a store error carries (see postgresError), for the few failures a store expects.

export const UNIQUE_VIOLATION = '23505';

export function sqlStateOf(error: unknown): string | undefined {
  const details = (error as { details?: unknown } | undefined)?.details;
  if (typeof details !== 'object' || details === null) return undefined;
  const sqlState = (details as { sqlState?: unknown }).sqlState;
  return typeof sqlState === 'string' ? sqlState : undefined;
}
