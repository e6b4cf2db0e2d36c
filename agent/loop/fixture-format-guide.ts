import { readFileSync } from 'node:fs';

// The fixture format as docs/contract.md states it: one source of truth for people and models.
const contract = readFileSync(new URL('../../docs/contract.md', import.meta.url), 'utf8');
const start = contract.indexOf('## A fixture file');

export const FIXTURE_FORMAT_GUIDE = start >= 0 ? contract.slice(start) : contract;
export const SANDBOX_GLOBALS_GUIDE = (() => {
  const from = contract.indexOf('## The globals inside the sandbox');
  return from >= 0 ? contract.slice(from, start >= 0 ? start : undefined) : '';
})();
/** The Secrets section: how a function declares secrets and sends credentials without ever holding them. */
export const SECRETS_GUIDE = (() => {
  const from = contract.indexOf('## Secrets');
  const to = contract.indexOf('## The globals inside the sandbox');
  return from >= 0 ? contract.slice(from, to > from ? to : undefined) : '';
})();
