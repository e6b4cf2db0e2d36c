// The Express app under the HTTP entry point: the Host-header check against DNS rebinding first (so a
// request for a foreign name is answered 403 before its body is read), then the JSON body parser.
// createMcpExpressApp does the same with Express's default 100 KB limit; that answered a tool call with
// a big source or many fixtures with 413, which the SDK client throws, so here the limit is the SDK's own
// message limit (4 MB), above every tool's input limit: a call over a tool's limit gets an ordinary
// isError INVALID_INPUT result naming it, as over stdio.

import express from 'express';
import { hostHeaderValidation } from '@modelcontextprotocol/sdk/server/middleware/hostHeaderValidation.js';
import type { Handler, HttpApp } from './http-types.ts';

/** Bodies larger than this are refused with 413 before they are parsed. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

export function createExpressApp(allowedHostNames: string[]): HttpApp {
  const app = express() as HttpApp;
  app.use(hostHeaderValidation(allowedHostNames) as unknown as Handler);
  app.use(express.json({ limit: MAX_BODY_BYTES }) as Handler);
  return app;
}
