// What an event runs. A schedule event runs its schedule's function or flow, nothing else. Any other event
// runs every active approved flow whose trigger is the event type, then every function whose trigger
// matches and that is a step of none of those flows (it runs on its own, as before flows).

import type { FlowStep, FlowStore, FlowVersionRecord } from '../../core/flows/index.ts';
import type { ScheduleStore } from '../../core/schedules/index.ts';

export type WorkUnit = { kind: 'function'; name: string } | { kind: 'flow'; name: string; version: number; steps: FlowStep[] };

export interface EventPlannerOptions {
  findSubscribers(eventType: string): string[];
  flows?: Pick<FlowStore, 'activeFlowsFor' | 'listVersions'>;
  schedules?: Pick<ScheduleStore, 'get'>;
}

export function createEventPlanner({ findSubscribers, flows, schedules }: EventPlannerOptions) {
  const flowUnit = (flow: FlowVersionRecord): WorkUnit => ({ kind: 'flow', name: flow.name, version: flow.version, steps: flow.definition.steps });
  return ({ type, payload }: { type: string; payload: unknown }): WorkUnit[] => {
    if (type === 'schedule') {
      const name = (payload as { schedule?: { name?: unknown } }).schedule?.name;
      const schedule = typeof name === 'string' ? schedules?.get(name) : undefined;
      if (!schedule) return [];
      if (schedule.target.kind === 'function') return [{ kind: 'function', name: schedule.target.name }];
      const active = flows?.listVersions(schedule.target.name).find((version) => version.active);
      return active ? [flowUnit(active)] : [];
    }
    const activeFlows = flows?.activeFlowsFor(type) ?? [];
    const inFlows = new Set(activeFlows.flatMap((flow) => flow.definition.steps.map((step) => step.function)));
    return [...activeFlows.map(flowUnit), ...findSubscribers(type).filter((name) => !inFlows.has(name)).map((name): WorkUnit => ({ kind: 'function', name }))];
  };
}
