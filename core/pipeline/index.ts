export { checkFunction, limitProblem, type CheckProblem, type CheckResult, type CheckStage } from './check-function.ts';
export { validateManifest } from './manifest.ts';
export { publishFunction, type PublishResult } from './publish-function.ts';
export { MAX_EVENT_BYTES, runFunction, type RunFunctionOptions } from './run-function.ts';
export { resolveRunnableVersion, runnableRecord } from './runnable-version.ts';
export { testFunction, type FixtureProblem, type TestFunctionResult } from './test-function.ts';
export type { Toolchain } from './toolchain.ts';
