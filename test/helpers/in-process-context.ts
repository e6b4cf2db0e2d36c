// A SandboxRunner for tests that runs a function in this process: either a definition imported directly
// (templates, hand-written functions) or a bundle evaluated with node:vm. It is NOT a security boundary
// and enforces only the wall-time limit; it exists so fixture tests and benches can run without
// isolated-vm. Like the sandbox, it hands the function a ctx bridged to HostCapabilities, refuses
// undeclared secrets and hosts, and returns the output as JSON.

import { runInNewContext } from 'node:vm';
import { DEFAULT_LIMITS } from '../../core/execution/types.ts';
import type { HostCapabilities, LogEntry, LogLevel, RunOutcome, RunResult, SandboxRunner } from '../../core/execution/types.ts';
import { readSecretDeclarations } from '../../core/runtime/index.ts';
import type { FetchInit, FunctionContext, FunctionDefinition } from '../../core/sdk/index.ts';

// Definitions with extra input fields are welcome: the runner never looks inside `event`.
type AnyDefinition = FunctionDefinition<any>;

export function createInProcessRunner({ definition }: { definition?: AnyDefinition } = {}): SandboxRunner {
  return {
    async run(request, host) {
      const limits = { ...DEFAULT_LIMITS, ...request.limits };
      const startedAt = performance.now();
      const logs: LogEntry[] = [];
      let logsDropped = 0;
      const addLog = (level: LogLevel, message: string, data?: unknown): void => {
        if (logs.length >= limits.maxLogEntries) {
          logsDropped += 1;
          return;
        }
        const entry: LogEntry = { level, message: String(message), atMs: performance.now() - startedAt };
        if (data !== undefined) entry.data = logData(data);
        logs.push(entry);
      };
      let outcome: RunOutcome;
      try {
        const target = definition ?? evaluateBundle(request.bundle, addLog);
        const ctx = createInProcessContext({ host, definition: target, log: addLog });
        const running = Promise.resolve(target.run(structuredClone(request.event) as never, ctx));
        const value = await withWallTime(running, limits.wallTimeMs);
        outcome =
          value === TIMED_OUT
            ? { kind: 'timed-out', limit: 'wall', limitMs: limits.wallTimeMs }
            : { kind: 'returned', value: toJson(value) };
      } catch (error) {
        outcome = { kind: 'threw', message: errorMessage(error) };
      }
      const result: RunResult = { outcome, logs, logsDropped, durationMs: performance.now() - startedAt };
      return result;
    },
    async describe(request) {
      try {
        const { name, description, trigger, egress, secrets, oauth } = definition ?? evaluateBundle(request.bundle, () => {});
        const declarations = readSecretDeclarations(secrets, oauth);
        if (!declarations.ok) return { ok: false, message: declarations.message };
        return { ok: true, manifest: { name, description, trigger, egress: [...egress], ...declarations.declarations } };
      } catch (error) {
        return { ok: false, message: errorMessage(error) };
      }
    },
    async close() {},
  };
}

/** The guest's `ctx`, bridged to the host the way the sandbox bridges it. */
export function createInProcessContext({
  host,
  definition,
  log,
}: {
  host: HostCapabilities;
  definition: Pick<AnyDefinition, 'egress' | 'secrets' | 'oauth'>;
  log: (level: LogLevel, message: string, data?: unknown) => void;
}): FunctionContext {
  return {
    directory: {
      isUsernameTaken: (username) => host.isUsernameTaken(username),
      findUsers: (filter) => host.findUsers(filter),
      reserveUsername: (candidate) => host.reserveUsername(candidate),
      reserveEmail: (candidate) => host.reserveEmail(candidate),
    },
    attempt: () => host.attempt(),
    http: {
      async fetch(url, init: FetchInit = {}) {
        const hostname = new URL(url).hostname;
        if (!definition.egress.includes(hostname)) throw new Error(`egress to ${hostname} is not declared in egress`);
        const headers = { ...init.headers };
        const typed = () => Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
        let body: string | undefined;
        if (typeof init.body === 'string') body = init.body;
        else if (init.body instanceof URLSearchParams) {
          body = init.body.toString();
          if (!typed()) headers['content-type'] = 'application/x-www-form-urlencoded;charset=UTF-8';
        } else if (init.body !== undefined) {
          body = JSON.stringify(init.body);
          if (!typed()) headers['content-type'] = 'application/json';
        }
        const method = (init.method ?? 'GET').toUpperCase();
        const auth = init.auth === undefined ? {} : { auth: init.auth };
        const response = await host.fetch({ method, url: String(url), headers, ...(body === undefined ? {} : { body }), ...auth });
        return {
          status: response.status,
          ok: response.status >= 200 && response.status < 300,
          headers: response.headers,
          text: async () => response.body,
          json: async () => JSON.parse(response.body) as unknown,
        };
      },
    },
    secrets: {
      async get(name) {
        const declared = definition.secrets.map((entry) => (typeof entry === 'string' ? entry : entry.name));
        if (!declared.includes(name)) throw new Error(`secret "${name}" is not declared in secrets`);
        return host.getSecret(name);
      },
    },
    log: {
      debug: (message, data) => log('debug', message, data),
      info: (message, data) => log('info', message, data),
      warn: (message, data) => log('warn', message, data),
      error: (message, data) => log('error', message, data),
    },
  };
}

/**
 * Evaluates an esbuild IIFE bundle (which sets `globalThis.__handler`) in a fresh node:vm context with the
 * web globals contract.md promises and `console` routed to the run's log.
 */
function evaluateBundle(bundle: string, log: (level: LogLevel, message: string) => void): AnyDefinition {
  const write = (level: LogLevel) => (...args: unknown[]) => log(level, args.map(String).join(' '));
  const console = { debug: write('debug'), log: write('info'), info: write('info'), warn: write('warn'), error: write('error') };
  const { URL, URLSearchParams, TextEncoder, TextDecoder, atob, btoa, structuredClone } = globalThis;
  const webGlobals = { URL, URLSearchParams, TextEncoder, TextDecoder, atob, btoa, structuredClone };
  const sandbox: Record<string, unknown> = { ...webGlobals, console };
  runInNewContext(bundle, sandbox, { filename: 'fn.js' });
  const handler = sandbox.__handler as AnyDefinition | undefined;
  if (handler === undefined) throw new Error('the bundle did not set globalThis.__handler');
  return handler;
}

const TIMED_OUT = Symbol('timed out');

async function withWallTime<T>(promise: Promise<T>, wallTimeMs: number): Promise<T | typeof TIMED_OUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), wallTimeMs);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** JSON out, as from the sandbox: what cannot be expressed in JSON is dropped the way JSON drops it. */
function toJson(value: unknown): unknown {
  const text = JSON.stringify(value);
  return text === undefined ? undefined : JSON.parse(text);
}

function logData(data: unknown): unknown {
  try {
    return toJson(data);
  } catch {
    return '[data that is not JSON]';
  }
}

/** Errors from a node:vm realm are not `instanceof Error` here, so read the message structurally. */
function errorMessage(error: unknown): string {
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return String(error);
}
