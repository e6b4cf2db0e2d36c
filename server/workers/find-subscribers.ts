// Which functions an event runs: every function whose active approved version's trigger is the event's
// type. Triggers are read once per version (versions are immutable), so the registry is not asked for
// every bundle on every event.

import type { Registry } from '../../core/registry/index.ts';

export function createSubscriberFinder(registry: Registry): (eventType: string) => string[] {
  const triggerOf = new Map<string, string>();
  return (eventType) => {
    const names: string[] = [];
    for (const summary of registry.listFunctions()) {
      if (summary.activeVersion === null) continue;
      const key = `${summary.name}@${summary.activeVersion}`;
      let trigger = triggerOf.get(key);
      if (trigger === undefined) {
        const active = registry.getActiveVersion(summary.name);
        trigger = active?.manifest.trigger ?? '';
        if (active) triggerOf.set(`${active.name}@${active.version}`, trigger);
      }
      if (trigger === eventType) names.push(summary.name);
    }
    return names.sort();
  };
}
