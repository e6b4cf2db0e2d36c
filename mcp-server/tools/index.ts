// Every MCP tool, in the order clients list them: reading, authoring, review, operations.

import { activateVersion } from './activate-version.ts';
import { authorFunction } from './author-function.ts';
import { checkFunction } from './check-function.ts';
import { deleteDraft } from './delete-draft.ts';
import { diffVersions } from './diff-versions.ts';
import { getDraft } from './get-draft.ts';
import { getEvent } from './get-event.ts';
import { getExecution } from './get-execution.ts';
import { getFlow } from './get-flow.ts';
import { getFunction } from './get-function.ts';
import { listDrafts } from './list-drafts.ts';
import { listEvents } from './list-events.ts';
import { listExecutions } from './list-executions.ts';
import { listFlows } from './list-flows.ts';
import { listFunctions } from './list-functions.ts';
import { listVersions } from './list-versions.ts';
import { publishFlow } from './publish-flow.ts';
import { publishFunction } from './publish-function.ts';
import { replayEvent } from './replay-event.ts';
import { resumeFunction } from './resume-function.ts';
import { reviewFlow } from './review-flow.ts';
import { reviewFunction } from './review-function.ts';
import { runFunction } from './run-function.ts';
import { saveDraft } from './save-draft.ts';
import { testFunction } from './test-function.ts';
import type { ToolDefinition } from './tool.ts';
import { withdrawVersion } from './withdraw-version.ts';

export const TOOLS: readonly ToolDefinition[] = [
  listFunctions,
  getFunction,
  listVersions,
  diffVersions,
  checkFunction,
  testFunction,
  authorFunction,
  saveDraft,
  listDrafts,
  getDraft,
  deleteDraft,
  publishFunction,
  withdrawVersion,
  reviewFunction,
  activateVersion,
  listFlows,
  getFlow,
  publishFlow,
  reviewFlow,
  runFunction,
  listExecutions,
  getExecution,
  listEvents,
  getEvent,
  replayEvent,
  resumeFunction,
];

export { summarizeTest, testSummarySchema, type TestSummary } from './test-summary.ts';
export { defineTool, type RequestExtra, type RequestFacilities, type ToolContext, type ToolDefinition } from './tool.ts';
export { REVIEW_APP_URI } from './review-function.ts';
