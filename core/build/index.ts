// Type-check and bundle: what turns an authored fn.ts into a sandbox-ready script, with every problem
// reported as `line:column` in the author's file, and every check under the limits of check-limits.ts.

export type { CheckReport, Diagnostic, SynchronousTypeChecker, TypeChecker, TypeCheckerOptions } from './type-checker.ts';
export { formatDiagnostic } from './type-checker.ts';
export { createTypeChecker } from './create-type-checker.ts';
export {
  DEFAULT_CHECK_LIMITS, describeLimitExceeded, sourceSizeExceeded, type CheckLimitName, type CheckLimits, type LimitExceeded,
} from './check-limits.ts';
export { SANDBOX_GLOBALS_DECLARATIONS } from './sandbox-globals.ts';
export { checkProjectFiles } from './check-project.ts';
export { BUNDLE_FOOTER, bundleFunction, formatBundleError, type BundleError, type BundleOptions, type BundleResult } from './bundle.ts';
export { FUNCTION_SOURCE, mapPosition } from './source-map.ts';
