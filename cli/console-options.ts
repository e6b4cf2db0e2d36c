// What `joinery serve` hands the review console, from config.json: the audit trail, the sandbox for
// behavioural diffs (the serve executor, directory read-only), the review webhook (a URL, or a secret
// holding one) and the retention purge.

import { JoineryError } from '../core/errors.ts';
import type { RunLimits, SandboxRunner } from '../core/execution/types.ts';
import { createOidcCodeFlow } from '../mcp-server/index.ts';
import type { ConsoleOptions } from '../server/console/index.ts';
import type { CliContext } from './context.ts';
import type { StorePorts } from './stores.ts';

export function consoleOptions({
  context,
  stores,
  runner,
  limits,
}: {
  context: CliContext;
  stores: StorePorts;
  runner: SandboxRunner;
  limits: Partial<RunLimits>;
}): ConsoleOptions {
  const { console: settings, retention, oidc } = context.config();
  const auditTrail = stores.auditTrail();
  if (settings.oidc !== undefined && oidc === undefined)
    throw new JoineryError('INVALID_INPUT', 'config.json console.oidc needs the top-level "oidc" section (the issuer and how claims give roles)');
  const webhookUrl =
    settings.reviewWebhookUrl ?? (settings.reviewWebhookSecret === undefined ? undefined : readWebhookSecret(context, settings.reviewWebhookSecret));
  return {
    auditTrail,
    behaviour: {
      runner,
      directory: context.directory(),
      limits,
      maxEvents: settings.behaviouralDiffEvents,
      timeLimitMs: settings.behaviouralDiffTimeoutMs,
    },
    secureCookies: settings.secureCookies,
    ...(settings.oidc && oidc ? { oidc: createOidcCodeFlow({ settings: oidc, client: settings.oidc }) } : {}),
    ...(webhookUrl
      ? {
          notifications: {
            webhookUrl,
            ...(settings.publicUrl ? { consoleUrl: settings.publicUrl } : {}),
          },
        }
      : {}),
    ...(retention.executionPayloadDays
      ? {
          retention: {
            store: stores.retention(),
            days: retention.executionPayloadDays,
          },
        }
      : {}),
  };
}

function readWebhookSecret(context: CliContext, name: string): string {
  const value = context.secrets().get(name);
  if (value === undefined)
    throw new JoineryError('INVALID_INPUT', `config.json console.reviewWebhookSecret: no secret named ${name} (joinery secret set ${name})`);
  return value;
}
