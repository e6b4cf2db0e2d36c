// Flows: ordered, reviewed lists of functions for one trigger (the definition, its conditions, the store).

export type * from './types.ts';
export { evaluateCondition, flowConditionSchema } from './flow-condition.ts';
export { parseFlowDefinition, MAX_FLOW_STEPS } from './flow-definition.ts';
export { createSqliteFlowStore } from './sqlite-flow-store.ts';
export { publishFlow } from './publish-flow.ts';
export { reviewFlow } from './review-flow.ts';
export { createPostgresFlowStore } from './postgres-flow-store.ts';
