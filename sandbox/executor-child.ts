// The executor child process: owns every isolate, so a V8 out-of-memory abort or a segfault ends this
// process and not the caller. It forwards guest ctx calls to the parent and never exits on a host error.
import type { HostCapabilities, RunResult } from '../core/execution/types.ts';
import { bundleDigest, createBundleCache, type BundleBytes } from './bundle-cache.ts';
import {
  CHILD_BUNDLE_CACHE_ARGUMENT_INDEX,
  CHILD_LIMITS_ARGUMENT_INDEX,
  CHILD_WARM_ARGUMENT_INDEX,
  type ChildJob,
  type ChildMessage,
  type HostMethod,
  type ParentMessage,
} from './executor-protocol.ts';
import { createInProcessRunner } from './in-process-runner.ts';
import { processGrowthAllowanceMb, resolveLimits } from './run-limits.ts';

const send = (message: ChildMessage) => {
  if (process.connected) process.send?.(message);
};

// One bad run must never take the others down (isolated-vm can surface late rejections after dispose).
process.on('uncaughtException', (error) => process.stderr.write(`executor: uncaught ${error.name}: ${error.message}\n`));
process.on('unhandledRejection', (reason) => process.stderr.write(`executor: unhandled rejection: ${String(reason)}\n`));
// The parent is gone (exited, crashed or closed the channel): nothing is left to serve.
process.on('disconnect', () => process.exit(0));

const limitsArgument = process.argv[CHILD_LIMITS_ARGUMENT_INDEX];
const limits = resolveLimits(limitsArgument ? JSON.parse(limitsArgument) : {});
const warmArgument = process.argv[CHILD_WARM_ARGUMENT_INDEX];
const runner = createInProcessRunner({ limits, warmIsolates: warmArgument ? JSON.parse(warmArgument) : {} });
// Memory held outside the V8 heap (ICU objects, fragments of a run that hit a limit) is not always given
// back when an isolate is disposed, so a child that kept more than one run may grow by is replaced.
const retireAboveBytes = process.memoryUsage.rss() + processGrowthAllowanceMb(limits.memoryLimitMb) * 1024 * 1024;
const shouldRetire = (result: RunResult) => result.outcome.kind === 'out-of-memory' || process.memoryUsage.rss() > retireAboveBytes;

const bundleCacheArgument = process.argv[CHILD_BUNDLE_CACHE_ARGUMENT_INDEX];
const bundles = createBundleCache(bundleCacheArgument ? JSON.parse(bundleCacheArgument) : {});

/** The job's bundle: the bytes it brought (checked against its digest), or those held under the digest. */
function bundleOf({ digest, bytes }: ChildJob): BundleBytes | undefined {
  if (bytes === undefined) return bundles.get(digest);
  if (bundleDigest(bytes) !== digest) throw new Error('the bundle does not match its digest');
  bundles.put(digest, bytes);
  return bytes;
}

/** Starts `job` with its bundle, or asks the parent for the bytes when they are no longer held here. */
function withBundle(id: number, job: ChildJob, start: (bytes: BundleBytes) => Promise<ChildMessage>): void {
  let bytes: BundleBytes | undefined;
  try {
    bytes = bundleOf(job);
  } catch (error) {
    send({ type: 'job-failed', id, message: errorMessage(error) });
    return;
  }
  if (bytes === undefined) send({ type: 'bundle-missing', id });
  else start(bytes).then(send, (error: unknown) => send({ type: 'job-failed', id, message: errorMessage(error) }));
}

const pendingCalls = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
let nextCallId = 1;

function remoteHost(id: number): HostCapabilities {
  const call = (method: HostMethod, argument: unknown) =>
    new Promise<never>((resolve, reject) => {
      const callId = nextCallId++;
      pendingCalls.set(callId, { resolve: resolve as (value: unknown) => void, reject });
      send({ type: 'host-call', id, callId, method, argument });
    });
  return {
    isUsernameTaken: (username) => call('isUsernameTaken', username),
    findUsers: (filter) => call('findUsers', filter),
    reserveUsername: (candidate) => call('reserveUsername', candidate),
    reserveEmail: (candidate) => call('reserveEmail', candidate),
    attempt: () => call('attempt', null),
    fetch: (request) => call('fetch', request),
    getSecret: (name) => call('getSecret', name),
  };
}

function handle(message: ParentMessage): void {
  switch (message.type) {
    case 'host-reply': {
      const pending = pendingCalls.get(message.callId);
      pendingCalls.delete(message.callId);
      if (pending === undefined) return;
      if (message.ok) pending.resolve(message.value);
      else pending.reject(new Error(message.message));
      return;
    }
    case 'run': {
      const { id, job, eventJson } = message;
      withBundle(id, job, async (bytes) => {
        const clock = job.frozenTimeMs === undefined ? {} : { frozenTimeMs: job.frozenTimeMs };
        const result = await runner.run({ ...bytes, limits: job.limits, ...clock, event: JSON.parse(eventJson) }, remoteHost(id));
        return { type: 'run-result', id, result, retire: shouldRetire(result) };
      });
      return;
    }
    case 'describe': {
      const { id, job } = message;
      withBundle(id, job, async (bytes) => ({ type: 'describe-result', id, result: await runner.describe({ ...bytes, limits: job.limits }) }));
      return;
    }
  }
}

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

process.on('message', (message: ParentMessage) => handle(message));
send({ type: 'ready' });
