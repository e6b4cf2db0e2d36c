// How many executor children a server or `joinery run` starts when config.json sets no executorProcesses:
// one per core, so runs use every core, capped because each child holds its own warm isolates and memory.
import { availableParallelism } from 'node:os';

export const MAX_DEFAULT_EXECUTOR_PROCESSES = 8;

export function defaultExecutorProcesses(cores: number = availableParallelism()): number {
  return Math.max(1, Math.min(MAX_DEFAULT_EXECUTOR_PROCESSES, Math.floor(cores)));
}
