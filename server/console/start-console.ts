// The console and its background work, as `joinery serve` starts them: the pages, the review
// notifications (when a webhook is configured) and the retention purge (when a number of days is).

import type { ExecutionRetention } from '../../core/retention/index.ts';
import type { ConsoleDeps } from './console-deps.ts';
import { createConsole, type Console } from './create-console.ts';
import { startRetentionPurge } from './retention-schedule.ts';
import { startReviewNotifier } from './review-notifier.ts';

export interface ConsoleOptions extends Omit<ConsoleDeps, 'registry' | 'tokens' | 'queue' | 'logger' | 'flows'> {
  notifications?: {
    webhookUrl: string;
    consoleUrl?: string;
    intervalMs?: number;
  };
  retention?: { store: ExecutionRetention; days: number; intervalMs?: number };
}

export function startConsole(options: ConsoleOptions & Pick<ConsoleDeps, 'registry' | 'tokens' | 'queue' | 'logger' | 'flows'>): {
  console: Console;
  stop(): Promise<void>;
} {
  const { notifications, retention, ...deps } = options;
  const notifier = notifications
    ? startReviewNotifier({
        registry: deps.registry,
        auditTrail: deps.auditTrail,
        logger: deps.logger,
        ...notifications,
      })
    : undefined;
  const purge = retention
    ? startRetentionPurge({
        retention: retention.store,
        days: retention.days,
        logger: deps.logger,
        ...(retention.intervalMs ? { intervalMs: retention.intervalMs } : {}),
      })
    : undefined;
  return {
    console: createConsole({
      ...deps,
      ...(retention ? { retentionDays: retention.days } : {}),
    }),
    stop: async () => {
      purge?.stop();
      await notifier?.stop();
    },
  };
}
