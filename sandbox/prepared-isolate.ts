// A fresh isolate with its context and prelude, ready for one run. The host natives it was given forward
// to whichever RunSession is attached, so an isolate can be prepared before its run is known.
import type { Context, Isolate, Reference } from 'isolated-vm';
import { JoineryError } from '../core/errors.ts';
import type { IsolatedVm } from './isolated-vm-loader.ts';
import { compilePrelude } from './prelude-script.ts';
import type { RunSession } from './run-session.ts';
import { webNative } from './web-natives.ts';

/** The guest-side entry: 'begin' (caps JSON), 'describe' → manifest JSON, 'run' (event JSON) → envelope JSON. */
export type GuestEntry = (command: 'begin' | 'describe' | 'run', argument?: string) => unknown;

export interface PreparedIsolate {
  readonly isolate: Isolate;
  readonly context: Context;
  readonly entry: Reference<GuestEntry>;
  readonly memoryLimitMb: number;
  attach(session: RunSession | undefined): void;
  /** Idempotent; safe after a watchdog or the memory limit already disposed the isolate. */
  dispose(): void;
}

export async function prepareIsolate(ivm: IsolatedVm, { memoryLimitMb }: { memoryLimitMb: number }): Promise<PreparedIsolate> {
  const isolate = new ivm.Isolate({ memoryLimit: memoryLimitMb });
  let session: RunSession | undefined;
  const dispose = () => {
    if (!isolate.isDisposed) isolate.dispose();
  };
  try {
    const context = await isolate.createContext();
    const setup = await (await compilePrelude(isolate)).run(context, { reference: true, release: true });
    // The order of PRELUDE_SOURCE's setup(dispatcher, web, log).
    const natives = [dispatcherReference(ivm, () => session), new ivm.Callback(webNative), logCallback(ivm, () => session)];
    const entry = (await setup.apply(undefined, natives, { result: { reference: true } })) as Reference<GuestEntry>;
    setup.release();
    return {
      isolate,
      context,
      entry,
      memoryLimitMb,
      attach(next) {
        session = next;
      },
      dispose,
    };
  } catch (error) {
    dispose();
    throw new JoineryError('SANDBOX_FAILED', `could not prepare an isolate: ${error instanceof Error ? error.message : String(error)}`);
  }
}

// The one Reference the guest side holds. An async arrow (no `prototype`) with a null prototype: even a
// leaked Reference to it offers no `constructor` or `__proto__` path back into the host realm.
function dispatcherReference(ivm: IsolatedVm, current: () => RunSession | undefined) {
  const dispatcher = async (operation: unknown, payloadJson: unknown): Promise<string> => {
    const session = current();
    if (session === undefined) return JSON.stringify({ ok: false, error: 'no run is active' });
    return session.dispatch(operation, payloadJson);
  };
  Object.setPrototypeOf(dispatcher, null);
  return new ivm.Reference(dispatcher);
}

function logCallback(ivm: IsolatedVm, current: () => RunSession | undefined) {
  return new ivm.Callback((level: unknown, message: unknown, dataJson: unknown) => {
    try {
      current()?.log(level, message, dataJson);
    } catch {
      // never throw into the isolate
    }
  });
}
