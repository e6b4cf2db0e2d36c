// What one tools/call may use of its MCP session: progress notifications (with a total, ending with the
// outcome), log messages at the level the client set, and confirmation and choices through elicitation.
// Built per call by the server (create-server.ts) from the request and the client's session.

import type { CallToolResult, LoggingLevel } from '@modelcontextprotocol/sdk/types.js';
import { ElicitResultSchema } from '@modelcontextprotocol/sdk/types.js';
import type { RequestExtra, RequestFacilities } from './tool.ts';

/** What the server knows of the client across calls: set once per session. */
export interface ClientSession {
  supportsElicitation(): boolean;
  /** The level set with logging/setLevel; messages below it are not sent. */
  logLevel(): LoggingLevel;
}

const SEVERITY: readonly LoggingLevel[] = ['debug', 'info', 'notice', 'warning', 'error', 'critical', 'alert', 'emergency'];
/** A person answering a confirmation may take a while; the SDK's default of 60 s is too short. */
const CONFIRMATION_TIMEOUT_MS = 10 * 60_000;

export interface ToolRequest {
  facilities: RequestFacilities;
  /** The last progress notification: progress = total, the outcome as the message. */
  finish(result: CallToolResult, successMessage: string): void;
}

export function openToolRequest(extra: RequestExtra, client: ClientSession, toolName: string): ToolRequest {
  const token = extra._meta?.progressToken;
  let last = 0;
  let total: number | undefined;
  const send = (progress: number, message: string) => {
    // After a cancellation the client no longer knows the token: it would report the notification as an error.
    if (token === undefined || extra.signal.aborted) return;
    last = progress;
    if (total !== undefined && total < progress) total = Math.ceil(progress);
    const params = { progressToken: token, progress, ...(total === undefined ? {} : { total }), message };
    extra.sendNotification({ method: 'notifications/progress', params }).catch(() => {});
  };

  const facilities: RequestFacilities = {
    progress: {
      expect(count) {
        total = count;
      },
      step(message, unit) {
        // Within a unit, each step halves the distance to the next one, so values always increase.
        send(unit !== undefined && unit > Math.floor(last) ? unit : unit !== undefined ? last + (Math.floor(last) + 1 - last) / 2 : Math.floor(last) + 1, message);
      },
    },
    log(level, message, data) {
      if (SEVERITY.indexOf(level) < SEVERITY.indexOf(client.logLevel())) return;
      const params = { level, logger: `joinery/${toolName}`, data: { message, ...data } };
      extra.sendNotification({ method: 'notifications/message', params }).catch(() => {});
    },
    async confirm(question) {
      if (!client.supportsElicitation()) return true;
      const requestedSchema = { type: 'object' as const, properties: { confirm: { type: 'boolean' as const, title: 'Go ahead', default: false } }, required: ['confirm'] };
      try {
        const answer = await extra.sendRequest({ method: 'elicitation/create', params: { message: question, requestedSchema } }, ElicitResultSchema, { signal: extra.signal, timeout: CONFIRMATION_TIMEOUT_MS });
        return answer.action === 'accept' && answer.content?.confirm === true;
      } catch {
        return false; // no answer (timed out, cancelled, refused) is not a yes
      }
    },
    async choose(question, choices) {
      if (!client.supportsElicitation()) return undefined;
      // enum + enumNames: the form every elicitation client reads (the titled oneOf form is newer).
      const answer = { type: 'string' as const, title: 'Answer', enum: choices.map((choice) => choice.key), enumNames: choices.map((choice) => choice.label) };
      const requestedSchema = { type: 'object' as const, properties: { answer }, required: ['answer'] };
      try {
        const request = { method: 'elicitation/create' as const, params: { message: question, requestedSchema } };
        const reply = await extra.sendRequest(request, ElicitResultSchema, { signal: extra.signal, timeout: CONFIRMATION_TIMEOUT_MS });
        const key = reply.action === 'accept' ? reply.content?.answer : undefined;
        return choices.some((choice) => choice.key === key) ? (key as string) : undefined;
      } catch {
        return undefined; // no answer: the question goes back in the result instead
      }
    },
  };

  return {
    facilities,
    finish(result, successMessage) {
      const structured = result.structuredContent as { code?: unknown; message?: unknown } | undefined;
      const message = result.isError ? `failed: ${String(structured?.code ?? 'error')}: ${String(structured?.message ?? '')}`.slice(0, 300) : successMessage;
      const end = Math.max(total ?? 0, Math.floor(last) + 1);
      total = end;
      send(end, message);
    },
  };
}
