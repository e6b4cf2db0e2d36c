// Tells a channel when a version waits for review: a Slack-compatible incoming-webhook POST ({ text,
// blocks }) per pending version, once. "Once" is kept in the audit trail (`review.notified` with the
// version as target), so a restart does not repeat it; a failed POST is tried again on the next round.
// Versions are published by other processes (the CLI, the MCP server), so this looks every interval.

import type { AuditTrail } from '../../core/audit/index.ts';
import type { Registry } from '../../core/registry/index.ts';
import { listPendingReviews, type PendingReview } from '../../core/review/index.ts';
import type { Logger } from '../logger.ts';

interface ReviewNotifierOptions {
  registry: Registry;
  auditTrail: AuditTrail;
  webhookUrl: string;
  /** The console's public address, for links ("https://joinery.example.com"); omitted, no link. */
  consoleUrl?: string;
  intervalMs?: number;
  logger: Logger;
  /** The HTTP client (tests hand in a fake); default: global fetch with a 5 s timeout. */
  post?: (url: string, body: string) => Promise<{ status: number }>;
}

export function startReviewNotifier(options: ReviewNotifierOptions): {
  runOnce(): Promise<number>;
  stop(): Promise<void>;
} {
  const { registry, auditTrail, webhookUrl, consoleUrl, intervalMs = 30_000, logger, post = defaultPost } = options;
  let running: Promise<number> = Promise.resolve(0);
  const runOnce = () =>
    (running = running.then(async () => {
      const notified = new Set(auditTrail.recent({ action: 'review.notified', limit: 10_000 }).map((entry) => entry.target));
      let sent = 0;
      for (const item of listPendingReviews(registry)) {
        const target = `${item.name}@${item.version}`;
        if (notified.has(target)) continue;
        try {
          const { status } = await post(webhookUrl, JSON.stringify(slackMessage(item, consoleUrl)));
          if (status < 200 || status >= 300) throw new Error(`the webhook answered ${status}`);
          registry.recordAudit({
            actor: 'system',
            action: 'review.notified',
            target,
            allowed: true,
            detail: { status },
          });
          sent++;
        } catch (error) {
          logger.warn(
            {
              target,
              reason: error instanceof Error ? error.message : String(error),
            },
            'review notification failed; tried again next round',
          );
        }
      }
      return sent;
    }));
  const timer = setInterval(() => void runOnce(), intervalMs);
  timer.unref();
  void runOnce();
  return {
    runOnce,
    stop: async () => {
      clearInterval(timer);
      await running.catch(() => 0);
    },
  };
}

/** Slack's mrkdwn treats & < > as markup (`<!channel>`, links): written as entities, as Slack asks. */
function slackText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function slackMessage(item: PendingReview, consoleUrl?: string): { text: string; blocks: unknown[] } {
  const who = item.requestedBy ? `${item.author} for ${item.requestedBy}` : item.author;
  const reach = [...item.reach.egress.added.map((host) => `+host ${host}`), ...item.reach.secrets.added.map((secret) => `+secret ${secret}`)];
  const link = consoleUrl ? `${consoleUrl.replace(/\/$/, '')}/functions/${encodeURIComponent(item.name)}/versions/${item.version}` : undefined;
  const text = slackText(
    `${item.name}@${item.version} waits for review (by ${who})` +
      `${item.badges.length > 0 ? ` [${item.badges.join(', ')}]` : ''}${reach.length > 0 ? `: ${reach.join(', ')}` : ''}`,
  );
  return {
    text,
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: link ? `${text}\n<${link}|Review it>` : text,
        },
      },
    ],
  };
}

async function defaultPost(url: string, body: string): Promise<{ status: number }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    signal: AbortSignal.timeout(5_000),
    redirect: 'error',
  });
  await response.body?.cancel();
  return { status: response.status };
}
