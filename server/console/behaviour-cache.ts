// Behavioural diffs are expensive (two sandbox runs per case); a version page asks for one each time it
// is shown. Results are kept per (candidate, active version, newest execution), so a new run or a new
// active version computes a fresh one; concurrent requests share one computation; at most 32 are kept.

import { diffBehaviour, type BehaviouralDiff } from '../../core/diff/index.ts';
import type { Registry, VersionRecord } from '../../core/registry/index.ts';
import type { BehaviourSettings } from './console-deps.ts';

const KEPT = 32;

export interface BehaviourCache {
  diffFor(candidate: VersionRecord, active: VersionRecord): Promise<BehaviouralDiff>;
}

export function createBehaviourCache(registry: Registry, settings: BehaviourSettings): BehaviourCache {
  const entries = new Map<string, Promise<BehaviouralDiff>>();
  const { maxEvents = 100, timeLimitMs = 10_000 } = settings;
  return {
    diffFor(candidate, active) {
      const recent = registry.listExecutions(candidate.name, {
        limit: Math.min(1_000, maxEvents * 2),
      });
      const key = JSON.stringify([candidate.name, candidate.version, active.version, recent[0]?.id ?? 0]);
      const cached = entries.get(key);
      if (cached) return cached;
      const computed = diffBehaviour({
        active,
        candidate,
        recordedEvents: recent.map((execution) => execution.input),
        runner: settings.runner,
        ...(settings.directory ? { directory: settings.directory } : {}),
        ...(settings.limits ? { limits: settings.limits } : {}),
        maxEvents,
        timeLimitMs,
      });
      entries.set(key, computed);
      computed.catch(() => entries.delete(key));
      while (entries.size > KEPT) entries.delete(entries.keys().next().value as string);
      return computed;
    },
  };
}
