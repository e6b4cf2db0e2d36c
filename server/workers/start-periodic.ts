// A task run at once and then every `intervalMs`, for the loops of joinery serve (the scheduler, the
// reservation sweep). Runs never overlap; a failed run is logged and the next one tries again; stop()
// waits for a running one.

import type { Logger } from '../logger.ts';

export function startPeriodic({ task, intervalMs, logger, failure }: { task: () => Promise<void>; intervalMs: number; logger: Logger; failure: string }) {
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = running.then(async () => {
      try {
        await task();
      } catch (error) {
        logger.error({ err: error }, failure);
      }
    });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  return {
    /** Runs one tick now (tests advance a pinned clock, then tick). */
    tick: async () => {
      tick();
      await running;
    },
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
