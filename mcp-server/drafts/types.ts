// Drafts: what an assistant saves over MCP before publishing. Each principal has their own, keyed by
// function name, replaced in place (unlike versions). The test summary is that of the saved content.

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
}

export interface DraftRecord extends DraftInput {
  createdAt: string;
  updatedAt: string;
}

export interface DraftStore {
  save(draft: DraftInput): DraftRecord;
  get(owner: string, name: string): DraftRecord | undefined;
  list(owner: string): DraftRecord[];
}
