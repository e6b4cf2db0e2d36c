import { askAdminTool, finishTool, giveUpTool } from './control-tools.ts';
import { writeFixturesTool, writeFunctionTool, writeSpecTool } from './draft-tools.ts';
import { checkFunctionTool, runFixturesTool } from './pipeline-tools.ts';
import { describeDirectoryTool, listTemplatesTool, readSdkTool, readTemplateTool } from './reference-tools.ts';
import type { AuthorTool } from './tool.ts';

export { defineTool, toToolSpec, type AuthorSession, type AuthorTool, type ToolOutcome } from './tool.ts';
export { describeCheck, describeTest } from './describe-results.ts';

export const AUTHOR_TOOLS: AuthorTool[] = [
  writeSpecTool,
  writeFunctionTool,
  writeFixturesTool,
  checkFunctionTool,
  runFixturesTool,
  readSdkTool,
  listTemplatesTool,
  readTemplateTool,
  describeDirectoryTool,
  askAdminTool,
  finishTool,
  giveUpTool,
];
