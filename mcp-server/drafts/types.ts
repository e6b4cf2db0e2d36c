// Drafts: what an assistant saves over MCP before publishing. Each principal has their own, keyed by
// function name. A draft is replaced only when the caller says so (`overwrite`); the test summary is
// that of the saved content.

import type { TestSummary } from '../tools/test-summary.ts';

export interface DraftInput {
  /** The principal who saved it (or asked the agent for it); the requester when it is published. */
  owner: string;
  name: string;
  /** Who wrote the code: the owner, or `agent:<provider>` for author_function. */
  author: string;
  source: string;
  fixtures: string;
  spec: string | null;
  testSummary: TestSummary;
  /** The plain-language rule it implements, and the conversation it came from; kept when published. */
  requirement: string | null;
  conversationId: string | null;
}

export interface DraftRecord extends DraftInput {
  createdAt: string;
  updatedAt: string;
}

export interface DraftStore {
  /** Throws CONFLICT when the owner has a draft of that name, unless `overwrite` is true. */
  save(draft: DraftInput, options?: { overwrite?: boolean }): DraftRecord;
  get(owner: string, name: string): DraftRecord | undefined;
  /** Newest first. */
  list(owner: string): DraftRecord[];
  /** False when there was no such draft. */
  delete(owner: string, name: string): boolean;
}
