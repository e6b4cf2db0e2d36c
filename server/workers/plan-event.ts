// What an event runs: every active approved flow whose trigger is the event type, then every function
// whose trigger matches and that is a step of none of those flows (it runs on its own, as before flows).

import type { FlowStep, FlowStore } from '../../core/flows/index.ts';

export type WorkUnit = { kind: 'function'; name: string } | { kind: 'flow'; name: string; version: number; steps: FlowStep[] };

export function createEventPlanner({ findSubscribers, flows }: { findSubscribers(eventType: string): string[]; flows?: Pick<FlowStore, 'activeFlowsFor'> }) {
  return (eventType: string): WorkUnit[] => {
    const activeFlows = flows?.activeFlowsFor(eventType) ?? [];
    const inFlows = new Set(activeFlows.flatMap((flow) => flow.definition.steps.map((step) => step.function)));
    return [
      ...activeFlows.map((flow): WorkUnit => ({ kind: 'flow', name: flow.name, version: flow.version, steps: flow.definition.steps })),
      ...findSubscribers(eventType).filter((name) => !inFlows.has(name)).map((name): WorkUnit => ({ kind: 'function', name })),
    ];
  };
}
