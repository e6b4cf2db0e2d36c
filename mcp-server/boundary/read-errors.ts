// Resources and prompts answer failures with JSON-RPC errors (the protocol has no isError for them).
// The same rules as for tools: a stable Joinery code in `error.data.code`, a message without host paths,
// and anything unexpected logged on the server with a reference while the client gets a generic line.

import { randomUUID } from 'node:crypto';
import { ErrorCode as RpcCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { isJoineryError, storeBusyError } from '../../core/errors.ts';
import { redactHostPaths } from './host-paths.ts';

/** JSON-RPC code for "resource not found" (MCP specification, resources). */
const RESOURCE_NOT_FOUND = -32002;

export async function guardRead<T>(what: string, read: () => T | Promise<T>, log: (line: string) => void): Promise<T> {
  try {
    return await read();
  } catch (thrown) {
    if (thrown instanceof McpError) throw thrown;
    const error = storeBusyError(thrown) ?? thrown;
    if (isJoineryError(error) && error.code !== 'INTERNAL') {
      const rpcCode = error.code === 'NOT_FOUND' ? RESOURCE_NOT_FOUND : RpcCode.InvalidParams;
      throw new McpError(rpcCode, redactHostPaths(error.message), { code: error.code });
    }
    const reference = randomUUID().slice(0, 8);
    log(`joinery mcp: ${what} failed (reference ${reference}): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    throw new McpError(RpcCode.InternalError, `internal error (reference ${reference}); the server log has the details`, { code: 'INTERNAL' });
  }
}
