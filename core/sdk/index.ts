import type { FunctionDefinition } from './sdk-types.ts';

export type * from './sdk-types.ts';
export { SDK_DECLARATIONS, SDK_MODULE_NAME, SDK_RUNTIME_SOURCE } from './declarations.ts';

/** Host-side twin of the SDK's `defineFunction`, for code in this repository that imports the SDK. */
export function defineFunction<Extra extends object = {}>(
  definition: FunctionDefinition<Extra>,
): FunctionDefinition<Extra> {
  return definition;
}
