// How the host waits for the guest's run(): what run() settles with is the outcome, and a promise
// rejection the function left unhandled is a warning in its logs, never the outcome (docs/contract.md).
// isolated-vm reports a rejection still unhandled when a task ends by rejecting, in place of its result,
// the call that started the task; rejections left in later tasks (after an awaited ctx call) wait
// unreported until the next call into the isolate. So: on such a rejection, log it and ask for the run's
// own promise again ('settled'); once it settled, one more call ('flush') collects a late one.
import type { Isolate, Reference } from 'isolated-vm';
import type { LogCollector } from './log-collector.ts';
import { guestErrorText, type RunEnvelope } from './outcome.ts';
import type { GuestEntry } from './prepared-isolate.ts';

/** More than this many reports means the rejection is the run's own promise failing, not a leftover. */
const MAX_UNHANDLED_REJECTIONS = 32;
const MAX_WARNING_CHARS = 1_000;
const COPY = Object.freeze({ arguments: Object.freeze({ copy: true }), result: Object.freeze({ copy: true }) });
const COPY_PROMISE = Object.freeze({ arguments: Object.freeze({ copy: true }), result: Object.freeze({ promise: true, copy: true }) });

/**
 * Rejects like isolated-vm does when the isolate is disposed (memory limit, watchdog); failureOutcome
 * classifies. `quiet`: the guest had no ctx call in flight once run() settled, so nothing it left behind
 * can enter the isolate again (a warm isolate may serve the next run only then).
 */
export async function awaitRunEnvelope({
  entry,
  isolate,
  eventJson,
  logs,
}: {
  entry: Reference<GuestEntry>;
  isolate: Isolate;
  eventJson: string;
  logs: LogCollector;
}): Promise<{ envelope: RunEnvelope; quiet: boolean }> {
  let command: Parameters<GuestEntry> = ['run', eventJson];
  for (let reports = 0; ; reports++) {
    try {
      const reply = await entry.apply(undefined, command, COPY_PROMISE);
      const quiet = await collectLateRejection(entry, isolate, logs);
      return { envelope: JSON.parse(reply as string) as RunEnvelope, quiet };
    } catch (error) {
      if (isolate.isDisposed || reports >= MAX_UNHANDLED_REJECTIONS) throw error;
      warnUnhandled(logs, error);
      command = ['settled'];
    }
  }
}

async function collectLateRejection(entry: Reference<GuestEntry>, isolate: Isolate, logs: LogCollector): Promise<boolean> {
  try {
    return (await entry.apply(undefined, ['flush'], COPY)) === 0;
  } catch (error) {
    if (!isolate.isDisposed) warnUnhandled(logs, error);
    return false;
  }
}

function warnUnhandled(logs: LogCollector, error: unknown): void {
  const text = guestErrorText(error);
  const shown = text.length > MAX_WARNING_CHARS ? `${text.slice(0, MAX_WARNING_CHARS)}…` : text;
  logs.add('warn', `unhandled promise rejection: ${shown}`, undefined);
}
