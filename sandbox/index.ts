// The isolated-vm sandbox: a fresh context per run in a warm isolate per version, a host watchdog, the ctx bridge, and the executor
// child process that keeps every isolate out of the caller's process.
export { createExecutor, type ExecutorOptions } from './executor.ts';
export { defaultExecutorProcesses } from './executor-pool-size.ts';
export { createInProcessRunner, type InProcessRunner, type InProcessRunnerOptions } from './in-process-runner.ts';
export type { WarmIsolateOptions, WarmStats } from './warm-isolates.ts';
export { loadIsolatedVm, type IsolatedVm } from './isolated-vm-loader.ts';
