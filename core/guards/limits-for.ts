// Which limits apply to a target: the built-in defaults, overridden by the operator's defaults, overridden
// by the target's own entry (config.json "guards").

import { DEFAULT_GUARD_LIMITS, type GuardLimits, type GuardTarget } from './types.ts';

export interface GuardSettings {
  defaults?: Partial<GuardLimits>;
  functions?: Record<string, Partial<GuardLimits>>;
  flows?: Record<string, Partial<GuardLimits>>;
}

export function createLimitsResolver({ defaults = {}, functions = {}, flows = {} }: GuardSettings = {}): (target: GuardTarget) => GuardLimits {
  return (target) => {
    const [kind, name] = target.startsWith('flow:') ? ['flow', target.slice(5)] : ['function', target.slice(9)];
    const own = (kind === 'flow' ? flows : functions)[name] ?? {};
    return { ...DEFAULT_GUARD_LIMITS, ...defaults, ...own };
  };
}
