// The messages between the executor parent and its child, over the fork IPC channel as JSON: every field
// is JSON already (strings, numbers, plain objects), and since a bundle travels to a child once and later
// jobs name it by digest (bundle-cache.ts), the messages are small, where JSON measured a round trip in
// 0.11–0.18 ms against 0.40–0.48 ms for structured clone ('advanced'), with half the CPU per message.
// Guest ctx calls travel child → parent: the HostCapabilities live there.
import type { DescribeResult, RunLimits, RunResult } from '../core/execution/types.ts';
import type { BundleBytes } from './bundle-cache.ts';

export type HostMethod = 'isUsernameTaken' | 'findUsers' | 'reserveUsername' | 'reserveEmail' | 'attempt' | 'fetch' | 'getSecret';
export const HOST_METHODS: readonly HostMethod[] = ['isUsernameTaken', 'findUsers', 'reserveUsername', 'reserveEmail', 'attempt', 'fetch', 'getSecret'];

/** A job as the child receives it: limits already resolved by the parent, the event already JSON. */
export interface ChildJob {
  /** bundleDigest of the bundle and its source map. */
  digest: string;
  /** Left out when the parent sent them to this child before. */
  bytes?: BundleBytes;
  limits: RunLimits;
  /** RunRequest.frozenTimeMs: runs only. */
  frozenTimeMs?: number;
}

export type ParentMessage =
  | { type: 'run'; id: number; job: ChildJob; eventJson: string }
  | { type: 'describe'; id: number; job: ChildJob }
  | { type: 'host-reply'; callId: number; ok: true; value: unknown }
  | { type: 'host-reply'; callId: number; ok: false; message: string };

export type ChildMessage =
  | { type: 'ready' }
  /** `retire`: the child kept memory after this run (it ran out, or grew past its allowance); replace it. */
  | { type: 'run-result'; id: number; result: RunResult; retire: boolean }
  | { type: 'describe-result'; id: number; result: DescribeResult }
  | { type: 'job-failed'; id: number; message: string }
  /** The job named a digest this child no longer holds: send it again with the bytes. */
  | { type: 'bundle-missing'; id: number }
  | { type: 'host-call'; id: number; callId: number; method: HostMethod; argument: unknown };

/** argv[2] of the child: the limits its in-process runner uses for its spare isolate. */
export const CHILD_LIMITS_ARGUMENT_INDEX = 2;
/** argv[3] of the child: its WarmIsolateOptions as JSON. */
export const CHILD_WARM_ARGUMENT_INDEX = 3;
/** argv[4] of the child: the BundleCacheBounds of its bundle cache as JSON. */
export const CHILD_BUNDLE_CACHE_ARGUMENT_INDEX = 4;
