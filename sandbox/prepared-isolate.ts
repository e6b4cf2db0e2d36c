// A context with the prelude run, ready for one run: in a fresh isolate (`prepareIsolate`, describe and the
// first run of a version) or in a warm isolate that keeps serving runs of one bundle (`prepareContext`,
// warm-isolates.ts). The host natives are made for this context alone and forward to the RunSession
// attached to it, so a task a finished run left behind can never reach a later run's session.
import type { Context, Isolate, Reference, Script } from 'isolated-vm';
import { JoineryError } from '../core/errors.ts';
import { createHostClock, type HostClock } from './host-time.ts';
import type { IsolatedVm } from './isolated-vm-loader.ts';
import { compilePrelude } from './prelude-script.ts';
import type { GuestCaps } from './run-limits.ts';
import type { RunSession } from './run-session.ts';
import { webNative } from './web-natives.ts';

/**
 * The guest-side entry: 'caps' (caps JSON), 'clock' (the frozen time in epoch ms, as JSON), 'bundle' (the
 * bundle's function, bundle-loader.ts), 'describe' → definition JSON, 'run' (event JSON) → a promise of the
 * envelope JSON, 'settled' → that same promise again, 'flush' → the number of ctx calls still waiting for
 * the host (see run-settlement.ts). 'describe' and 'run' first evaluate the bundle's top level.
 */
export type GuestEntry = (command: 'caps' | 'clock' | 'bundle' | 'describe' | 'run' | 'settled' | 'flush', argument?: unknown) => unknown;

export interface PreparedIsolate {
  readonly isolate: Isolate;
  readonly context: Context;
  readonly entry: Reference<GuestEntry>;
  readonly memoryLimitMb: number;
  /** The caps the guest side enforces, as JSON; a run with other caps sends them with 'caps' first. */
  readonly capsJson: string;
  /** Milliseconds the host spent in this context's synchronous callbacks so far (see host-time.ts). */
  hostTimeMs(): number;
  attach(session: RunSession | undefined): void;
  /** Detaches the session and releases the context (the isolate lives on). Idempotent. */
  release(): void;
  /** Releases, then disposes the isolate. Idempotent; safe after a watchdog or the memory limit did. */
  dispose(): void;
}

/** Synchronous on purpose: our own bounded work, where every thread hop of the async API costs ~0.1 ms. */
export function prepareIsolate(ivm: IsolatedVm, { memoryLimitMb, caps }: { memoryLimitMb: number; caps: GuestCaps }): PreparedIsolate {
  const isolate = new ivm.Isolate({ memoryLimit: memoryLimitMb });
  try {
    return prepareContext(ivm, { isolate, memoryLimitMb, caps, prelude: compilePrelude(isolate) });
  } catch (error) {
    if (!isolate.isDisposed) isolate.dispose();
    throw error;
  }
}

interface ContextRequest {
  isolate: Isolate;
  memoryLimitMb: number;
  caps: GuestCaps;
  /** compilePrelude's script for this isolate. */
  prelude: Script;
}

/** A new context in `isolate` with `prelude` run in it, in line: our own bounded work, no guest code. */
export function prepareContext(ivm: IsolatedVm, request: ContextRequest): PreparedIsolate {
  const parts = createParts(ivm, request);
  try {
    parts.context = request.isolate.createContextSync();
    const setup = request.prelude.runSync(parts.context, { reference: true, release: false });
    parts.entry = setup.applySync(undefined, parts.natives, { result: { reference: true } }) as Reference<GuestEntry>;
    setup.release();
    return parts.prepared(parts.context, parts.entry);
  } catch (error) {
    throw parts.failed(error);
  }
}

/** The host natives for one context, bound to whichever session is attached to it, and its hand-back. */
function createParts(ivm: IsolatedVm, { isolate, memoryLimitMb, caps }: ContextRequest) {
  const capsJson = JSON.stringify(caps);
  let session: RunSession | undefined;
  let released = false;
  const current = () => session;
  const clock = createHostClock();
  const parts = {
    context: undefined as Context | undefined,
    entry: undefined as Reference<GuestEntry> | undefined,
    // The order of PRELUDE_SOURCE's setup(dispatcher, web, log, declare, capsJson).
    natives: [
      dispatcherReference(ivm, current, clock),
      new ivm.Callback(clock.timed(webNative)),
      logCallback(ivm, current, clock),
      declareCallback(ivm, current, clock),
      capsJson,
    ],
    release() {
      session = undefined;
      if (released) return;
      released = true;
      if (isolate.isDisposed) return;
      parts.entry?.release();
      parts.context?.release();
    },
    failed(error: unknown): JoineryError {
      parts.release();
      return new JoineryError('SANDBOX_FAILED', `could not prepare an isolate: ${error instanceof Error ? error.message : String(error)}`);
    },
    prepared(context: Context, entry: Reference<GuestEntry>): PreparedIsolate {
      return {
        isolate,
        context,
        entry,
        memoryLimitMb,
        capsJson,
        hostTimeMs: () => clock.totalMs,
        attach(next) {
          if (!released) session = next;
        },
        release: parts.release,
        dispose() {
          parts.release();
          if (!isolate.isDisposed) isolate.dispose();
        },
      };
    },
  };
  return parts;
}

// The one Reference the guest side holds. An async arrow (no `prototype`) with a null prototype: even a
// leaked Reference to it offers no `constructor` or `__proto__` path back into the host realm.
// Only the synchronous part of a call (reading the payload, starting the operation) is host CPU time.
function dispatcherReference(ivm: IsolatedVm, current: () => RunSession | undefined, clock: HostClock) {
  const dispatch = clock.timed((operation: unknown, payloadJson: unknown): Promise<string> => {
    const session = current();
    if (session === undefined) return Promise.resolve(JSON.stringify({ ok: false, error: 'no run is active' }));
    return session.dispatch(operation, payloadJson);
  });
  const dispatcher = async (operation: unknown, payloadJson: unknown): Promise<string> => dispatch(operation, payloadJson);
  Object.setPrototypeOf(dispatcher, null);
  return new ivm.Reference(dispatcher);
}

// "Ignored" mode: the guest goes on at once and the call reaches the host as a task in order, so a log line
// costs the guest no wait for the host's thread. The bridge caps the lines before they cross, and the session
// takes them until it closes, which is after the run's last call into the isolate has come back.
function logCallback(ivm: IsolatedVm, current: () => RunSession | undefined, clock: HostClock) {
  const log = clock.timed((level: unknown, message: unknown, dataJson: unknown) => {
    try {
      current()?.log(level, message, dataJson);
    } catch {
      // never throw into the isolate
    }
  });
  return new ivm.Callback(log, { ignored: true });
}

/** (manifest JSON) → null when accepted, else the reason; see RunSession.declare. */
function declareCallback(ivm: IsolatedVm, current: () => RunSession | undefined, clock: HostClock) {
  return new ivm.Callback(clock.timed((manifestJson: unknown): string | null => {
    try {
      const session = current();
      return session === undefined ? 'no run is active' : session.declare(manifestJson);
    } catch {
      return 'the definition could not be read';
    }
  }));
}
