// JSON and text answers, and the one mapping from JoineryError codes to HTTP statuses.

import type { ServerResponse } from 'node:http';
import { isJoineryError, type ErrorCode } from '../../core/errors.ts';

const STATUS_FOR_CODE: Partial<Record<ErrorCode, number>> = { INVALID_INPUT: 400, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  response.end(text);
}

export function sendText(response: ServerResponse, status: number, text: string, contentType = 'text/plain; charset=utf-8'): void {
  response.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

export function sendError(response: ServerResponse, status: number, code: string, message: string): void {
  sendJson(response, status, { error: { code, message } });
}

/** A JoineryError becomes its status and message; anything else is a 500 that says nothing of its cause. */
export function sendFailure(response: ServerResponse, error: unknown): void {
  if (isJoineryError(error) && error.code !== 'INTERNAL') {
    sendError(response, STATUS_FOR_CODE[error.code] ?? 400, error.code, error.message);
    return;
  }
  sendError(response, 500, 'INTERNAL', 'internal error; see the server log');
}
