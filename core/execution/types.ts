// The sandbox port: what core asks of any runner, and what a run gives back. JSON in, JSON out;
// limits carry their unit in their name. Expected failures of guest code are values, never throws.

import type { DirectoryUser, FetchAuth, OAuthClientCredentials } from '../sdk/index.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogEntry {
  level: LogLevel;
  message: string;
  data?: unknown;
  /** Milliseconds since the run started. */
  atMs: number;
}

/** Where a guest error happened, mapped back to the TypeScript source through the sourcemap. */
export interface SourcePosition {
  line: number;
  column: number;
}

export type RunOutcome =
  | { kind: 'returned'; value: unknown }
  | { kind: 'threw'; message: string; position?: SourcePosition; stack?: string }
  | { kind: 'timed-out'; limit: 'wall' | 'cpu'; limitMs: number }
  | { kind: 'out-of-memory'; memoryLimitMb: number }
  | { kind: 'crashed'; message: string };

export interface RunLimits {
  wallTimeMs: number;
  /** CPU inside the isolate plus time spent in the synchronous host callbacks it calls (btoa, TextEncoder, ...). */
  cpuTimeMs: number;
  /** The isolate's heap and ArrayBuffers; the process around it may grow by at most twice this plus 64 MB. */
  memoryLimitMb: number;
  maxLogEntries: number;
  maxLogBytes: number;
  maxOutputBytes: number;
  /** Outgoing HTTP requests one run may make; the next one fails inside the guest. */
  maxRequests: number;
  /** Requests in flight at once; more wait their turn, as a browser queues them per host. */
  maxConcurrentRequests: number;
  /** UTF-8 bytes of one request body. */
  maxRequestBodyBytes: number;
}

export const DEFAULT_LIMITS: RunLimits = {
  wallTimeMs: 5_000,
  cpuTimeMs: 2_000,
  memoryLimitMb: 64,
  maxLogEntries: 1_000,
  maxLogBytes: 256 * 1024,
  maxOutputBytes: 1024 * 1024,
  maxRequests: 50,
  maxConcurrentRequests: 6,
  maxRequestBodyBytes: 1024 * 1024,
};

export interface RunRequest {
  /** The esbuild IIFE produced by core/build; it sets `globalThis.__handler`. */
  bundle: string;
  /** The external sourcemap (JSON text), used to map guest errors to TypeScript lines. */
  sourceMap?: string;
  /** The lifecycle event handed to `run(event, ctx)`. */
  event: unknown;
  limits?: Partial<RunLimits>;
  /**
   * Epoch milliseconds that Date.now(), new Date() and Date() return inside the run, frozen. Fixture runs set
   * it to the event's occurredAt so a rule about "today" is reproducible; live runs leave it out and read
   * the real clock.
   */
  frozenTimeMs?: number;
}

export interface OutgoingRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** Always a string on the wire; JSON bodies are serialised by the guest-side bridge. */
  body?: string;
  /**
   * Guest to host only: the credentials the host adds at egress (core/runtime/secret-egress.ts). A request
   * that is recorded or sent never carries it: it has the `authorization` header instead.
   */
  auth?: FetchAuth;
}

export interface IncomingResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface FetchOptions {
  signal?: AbortSignal;
}

/**
 * What the guest's `ctx` reaches on the host. Implemented by the test-mode context (fixtures) and the live
 * runtime. Methods reject with an Error whose message is safe to show the guest; the sandbox turns the
 * rejection into an error thrown inside the guest, never a host object or stack.
 */
export interface HostCapabilities {
  isUsernameTaken(username: string): Promise<boolean>;
  findUsers(filter: { username?: string; email?: string; employeeId?: string }): Promise<DirectoryUser[]>;
  /** Claims the name for the running event (core/ledger): false when a user holds it, it was retired, or
   *  another event reserved it; true again for a name this event already holds. */
  reserveUsername(candidate: string): Promise<boolean>;
  /** As reserveUsername, for an email address. */
  reserveEmail(candidate: string): Promise<boolean>;
  /** The run's attempt for its event, 1-based: above 1 when `joinery serve` retries the event. */
  attempt(): Promise<number>;
  /** The sandbox aborts `signal` when the run that made the request ends, for whatever reason. */
  fetch(request: OutgoingRequest, options?: FetchOptions): Promise<IncomingResponse>;
  /** The run's placeholder for a declared secret, never its value (the sandbox refuses anything else). */
  getSecret(name: string): Promise<string>;
}

export interface RunResult {
  outcome: RunOutcome;
  logs: LogEntry[];
  /** Log entries dropped after the caps were reached. */
  logsDropped: number;
  durationMs: number;
  cpuTimeMs?: number;
}

/** What a bundle declares about itself, read by evaluating its top level in the sandbox. */
export interface FunctionManifest {
  name: string;
  description: string;
  trigger: string;
  egress: string[];
  /** Every declared secret name. */
  secrets: string[];
  /**
   * The hosts a secret's value may be sent to, for secrets declared as `{ name, hosts }`. A secret without
   * an entry (declared as a plain name, as every version published before bindings) goes to every egress host.
   */
  secretHosts?: Record<string, string[]>;
  /** OAuth client-credentials clients by name. */
  oauth?: Record<string, OAuthClientCredentials>;
}

export type DescribeResult = { ok: true; manifest: FunctionManifest } | { ok: false; message: string };

export interface SandboxRunner {
  run(request: RunRequest, host: HostCapabilities): Promise<RunResult>;
  /** Evaluates the bundle's top level (no `run`) and reads the definition's declared fields. */
  describe(request: Pick<RunRequest, 'bundle' | 'sourceMap' | 'limits'>): Promise<DescribeResult>;
  close(): Promise<void>;
}
