// docs/conventions.md: the house habits (transliteration, clash numbering, Graph paths, credentials, error
// wording) in under 3 KB. The author's system prompt carries it, and MCP serves it as a resource, so Claude
// in the loop and assistants over MCP read the same text.

import { readFileSync } from 'node:fs';

let conventions: string | undefined;

export function conventionsText(): string {
  conventions ??= readFileSync(new URL('../../docs/conventions.md', import.meta.url), 'utf8');
  return conventions;
}
