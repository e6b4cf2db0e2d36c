// The host-side state of one run: its capabilities, the manifest its bundle declared, and its logs. The
// isolate's host natives forward here; nothing in here ever throws back into the isolate.
import type { FunctionManifest, HostCapabilities, RunLimits } from '../core/execution/types.ts';
import { guestMessage } from './guest-message.ts';
import { OPERATIONS } from './host-operations.ts';
import { createLogCollector, type LogCollector } from './log-collector.ts';
import { checkManifest } from './manifest.ts';
import { createRequestGate } from './request-gate.ts';

/** Larger ctx payloads are refused; the limit guards host memory, not the guest. */
const MAX_PAYLOAD_CHARS = 8 * 1024 * 1024;
/** A definition's name, description, trigger, egress and secrets fit in far less; parsing more is wasted host time. */
const MAX_MANIFEST_CHARS = 64 * 1024;

export interface RunSession {
  /** The async host dispatcher: (operation, payload JSON) → JSON envelope {ok,value} | {ok:false,error}. */
  dispatch(operation: unknown, payloadJson: unknown): Promise<string>;
  log(level: unknown, message: unknown, dataJson: unknown): void;
  /**
   * Checks the manifest the bundle declares (JSON from the guest bridge) and enables ctx for exactly it;
   * null when accepted, else why not. Before this (top-level code, describe) every ctx call fails.
   */
  declare(manifestJson: unknown): string | null;
  readonly logs: LogCollector;
  /** After close, calls arriving late are refused and outgoing requests in flight are aborted. */
  close(): void;
}

export function createRunSession({
  host,
  limits,
  startedAt,
}: {
  host: HostCapabilities | undefined;
  limits: RunLimits;
  startedAt: number;
}): RunSession {
  const logs = createLogCollector({ limits, startedAt });
  const requests = createRequestGate(limits);
  let manifest: FunctionManifest | undefined;
  let closed = false;

  async function invoke(operation: unknown, payloadJson: unknown): Promise<unknown> {
    if (closed) throw new Error('the run has ended');
    if (host === undefined || manifest === undefined) throw new Error('ctx is only available while run() executes');
    const handler = typeof operation === 'string' ? OPERATIONS.get(operation) : undefined;
    if (handler === undefined) throw new Error(`unknown ctx operation ${String(operation)}`);
    if (typeof payloadJson === 'string' && payloadJson.length > MAX_PAYLOAD_CHARS) throw new Error('ctx payload too large');
    const payload: unknown = typeof payloadJson === 'string' ? JSON.parse(payloadJson) : undefined;
    return handler(payload, { host, manifest, requests, limits });
  }

  return {
    async dispatch(operation, payloadJson) {
      try {
        const value = await invoke(operation, payloadJson);
        return JSON.stringify({ ok: true, value: value ?? null });
      } catch (error) {
        return JSON.stringify({ ok: false, error: guestMessage(error) });
      }
    },
    log(level, message, dataJson) {
      if (!closed) logs.add(level, message, dataJson);
    },
    declare(manifestJson) {
      if (manifest !== undefined) return 'the manifest was already declared';
      if (typeof manifestJson === 'string' && manifestJson.length > MAX_MANIFEST_CHARS) {
        return `the function definition is invalid: its declared fields are over ${MAX_MANIFEST_CHARS} characters as JSON`;
      }
      const checked = checkManifest(typeof manifestJson === 'string' ? JSON.parse(manifestJson) : undefined);
      if (!checked.ok) return checked.message;
      manifest = checked.manifest;
      return null;
    },
    logs,
    close() {
      closed = true;
      requests.close();
    },
  };
}
