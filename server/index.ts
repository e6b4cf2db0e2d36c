// `joinery serve`: the long-running process (HTTP API, workers, metrics) over core's ports.

export { startServer, type RunningServer, type StartServerOptions } from './start-server.ts';
export { createLogger, type CreateLoggerOptions, type Logger } from './logger.ts';
export type { StepRun } from './workers/process-event.ts';
export { signWebhook, verifyWebhookSignature } from './hooks/verify-signature.ts';
export type { HookSource } from './hooks/hook-route.ts';
