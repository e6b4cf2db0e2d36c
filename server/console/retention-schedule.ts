// Inside `joinery serve`: purges execution payloads older than config.json retention.executionPayloadDays
// at start and then every interval (default hourly). The audit trail is never purged.

import type { ExecutionRetention } from '../../core/retention/index.ts';
import type { Logger } from '../logger.ts';

export function startRetentionPurge({
  retention,
  days,
  intervalMs = 3_600_000,
  logger,
}: {
  retention: ExecutionRetention;
  days: number;
  intervalMs?: number;
  logger: Logger;
}): { stop(): void } {
  const purge = () => {
    try {
      const { purged, cutoff } = retention.purgeExecutionPayloads({
        olderThanDays: days,
        actor: 'system',
      });
      if (purged > 0) logger.info({ purged, cutoff }, 'execution payloads purged');
    } catch (error) {
      logger.error({ err: error }, 'execution payload purge failed; tried again next round');
    }
  };
  purge();
  const timer = setInterval(purge, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
