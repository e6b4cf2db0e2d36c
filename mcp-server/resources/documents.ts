// The fixed documents an assistant needs to write a function: the SDK it compiles against, the whole
// contract, the fixture-format section of it, and the conventions the author's system prompt carries too.

import { readFileSync } from 'node:fs';
import { conventionsText } from '../../agent/templates/index.ts';
import { SDK_DECLARATIONS } from '../../core/sdk/index.ts';

export const SDK_URI = 'joinery://sdk/index.d.ts';
export const CONTRACT_URI = 'joinery://docs/contract.md';
export const FIXTURE_FORMAT_URI = 'joinery://docs/fixture-format.md';
export const CONVENTIONS_URI = 'joinery://docs/conventions.md';

let contract: string | undefined;

/** docs/contract.md, shipped with Joinery. */
export function contractText(): string {
  contract ??= readFileSync(new URL('../../docs/contract.md', import.meta.url), 'utf8');
  return contract;
}

/** The "A fixture file" section of the contract, heading included, up to the next section. */
export function fixtureFormatText(): string {
  const text = contractText();
  const start = text.indexOf('## A fixture file');
  if (start < 0) return text;
  const next = text.indexOf('\n## ', start + 1);
  return text.slice(start, next < 0 ? undefined : next).trimEnd() + '\n';
}

export function sdkText(): string {
  return SDK_DECLARATIONS;
}

export interface TextDocument {
  uri: string;
  name: string;
  title: string;
  description: string;
  mimeType: string;
  text(): string;
}

export const DOCUMENTS: readonly TextDocument[] = [
  { uri: SDK_URI, name: 'sdk', title: 'The SDK (@joinery/sdk)', description: 'The types every function compiles against: defineFunction, the event, ctx (directory, http, secrets, log).', mimeType: 'text/typescript', text: sdkText },
  { uri: CONTRACT_URI, name: 'contract', title: 'The function contract', description: 'What a function is, the event, the context, the sandbox globals and the fixture format.', mimeType: 'text/markdown', text: contractText },
  {
    uri: CONVENTIONS_URI,
    name: 'conventions',
    title: 'Conventions',
    description: 'House habits: names to ASCII, clash numbering, Graph paths, Basic auth, error wording.',
    mimeType: 'text/markdown',
    text: conventionsText,
  },
  { uri: FIXTURE_FORMAT_URI, name: 'fixture-format', title: 'The fixture format', description: 'How to write <name>.fixtures.json: inputs, directory, secrets, HTTP answers and expectations.', mimeType: 'text/markdown', text: fixtureFormatText },
];
