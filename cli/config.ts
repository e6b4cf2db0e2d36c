// Settings an operator may change, in <JOINERY_HOME>/config.json. Every field is optional.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { JoineryError } from '../core/errors.ts';
import { SECRET_NAME_PATTERN } from '../core/secrets/index.ts';
// The settings schema alone: the auth index would load jose (and more) at every command's start.
import { oidcSettingsSchema } from '../mcp-server/auth/oidc-settings.ts';

const guardLimitsSchema = z.strictObject({
  runsPerMinute: z.number().int().min(1).optional(),
  runsPerHour: z.number().int().min(1).optional(),
  maxFailureShare: z.number().min(0).max(1).optional(),
  minRunsForFailureShare: z.number().int().min(1).optional(),
  leaverRunsPerHour: z.number().int().min(1).optional(),
});

const configSchema = z.strictObject({
  /** Lets `--as <name>` act as someone other than JOINERY_USER / the OS user (recorded as such). Off by
   *  default: on a machine where each person has their own account, four eyes means two accounts. */
  localTrust: z.boolean().default(false),
  /** npm packages authored functions may import; they must be installed beside Joinery. */
  allowedPackages: z.array(z.string().regex(/^(@[a-z0-9-]+\/)?[a-z0-9][a-z0-9._-]*$/)).default([]),
  /** Executor child processes (default 2): fixtures run side by side and a prepared isolate waits. */
  executorProcesses: z.number().int().min(1).max(8).optional(),
  /** Wall-time limit of one type-check (default 5000): past it the check fails, naming this setting. */
  typeCheckTimeoutMs: z.number().int().min(100).max(120_000).optional(),
  /** Wall-time limit of one bundle (default 5000). */
  bundleTimeoutMs: z.number().int().min(100).max(120_000).optional(),
  egress: z
    .strictObject({
      allowPrivateNetworks: z.boolean().default(false),
      allowHttp: z.boolean().default(false),
      timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
      maxResponseBytes: z.number().int().min(1024).max(64 * 1024 * 1024).default(1024 * 1024),
    })
    .prefault({}),
  limits: z
    .strictObject({
      wallTimeMs: z.number().int().min(10).max(300_000).optional(),
      cpuTimeMs: z.number().int().min(10).max(300_000).optional(),
      memoryLimitMb: z.number().int().min(8).max(4096).optional(),
    })
    .prefault({}),
  /** joinery serve's blast-radius guards: defaults, then per function and per flow (core/guards). */
  guards: z
    .strictObject({
      defaults: guardLimitsSchema.prefault({}),
      functions: z.record(z.string(), guardLimitsSchema).default({}),
      flows: z.record(z.string(), guardLimitsSchema).default({}),
    })
    .prefault({}),
  /** Egress entries (as in a function's `egress`) whose requests under joinery serve carry
   *  `Idempotency-Key: <event id>:<function>:<attempt>` (core/runtime/idempotency-key.ts). */
  idempotencyKeys: z.array(z.string().min(1).max(256)).max(100).default([]),
  /** joinery serve's signed webhooks: per source, the secret holding the HMAC key and the mapping function. */
  hooks: z
    .record(z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/), z.strictObject({ secret: z.string().regex(SECRET_NAME_PATTERN), mapping: z.string().min(1) }))
    .default({}),
  /** joinery serve's retries of a failed event: attempts before it is dead (the first run counts; a lease
   *  that expires counts as a failed attempt), and the backoff between them (core/events/retry-policy.ts).
   *  Omitted fields keep the defaults: 5 attempts, 1 s doubling to at most 5 min. */
  retry: z
    .strictObject({
      maxAttempts: z.number().int().min(1).max(100).optional(),
      baseDelayMs: z.number().int().min(0).max(3_600_000).optional(),
      maxDelayMs: z.number().int().min(0).max(86_400_000).optional(),
    })
    .refine(({ baseDelayMs, maxDelayMs }) => baseDelayMs === undefined || maxDelayMs === undefined || baseDelayMs <= maxDelayMs, {
      message: 'baseDelayMs must not be above maxDelayMs',
    })
    .prefault({}),
  /** How long execution payloads are kept: joinery serve purges older ones hourly (`joinery audit purge`
   *  on demand); the audit trail is kept for good. Omitted, payloads are kept. */
  retention: z.strictObject({ executionPayloadDays: z.number().int().min(1).max(36_500).optional() }).prefault({}),
  /** joinery serve's review console at / (server/console). */
  console: z
    .strictObject({
      enabled: z.boolean().default(true),
      /** A Slack-compatible incoming webhook told when a version waits for review: the URL itself, or the
       *  name of a secret holding it (webhook URLs are credentials). */
      reviewWebhookUrl: z.url({ protocol: /^https?$/ }).optional(),
      reviewWebhookSecret: z.string().regex(SECRET_NAME_PATTERN).optional(),
      /** The console's address as reviewers reach it, for links in notifications. */
      publicUrl: z.url({ protocol: /^https?$/ }).optional(),
      /** Set when a TLS proxy serves the console over HTTPS: cookies get `Secure`. */
      secureCookies: z.boolean().default(false),
      /** Recent recorded events each behavioural diff replays, and its time limit. */
      behaviouralDiffEvents: z.number().int().min(0).max(1_000).default(100),
      behaviouralDiffTimeoutMs: z.number().int().min(100).max(120_000).default(10_000),
      /** Sign-in with the issuer of the top-level "oidc" section (authorization code with PKCE): the
       *  client registered for the console; clientSecret omitted for a public client. */
      oidc: z
        .strictObject({ clientId: z.string().min(1), clientSecret: z.string().min(1).optional(), redirectUri: z.url({ protocol: /^https?$/ }) })
        .optional(),
    })
    .prefault({}),
  /** `joinery mcp --http`: sign-in with the organisation's identity provider (mcp-server/auth). */
  oidc: oidcSettingsSchema.optional(),
});

export type JoineryConfig = z.infer<typeof configSchema>;

export function loadConfig(home: string): JoineryConfig {
  const file = join(home, 'config.json');
  if (!existsSync(file)) return configSchema.parse({});
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new JoineryError('INVALID_INPUT', `config.json is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new JoineryError('INVALID_INPUT', `config.json: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}
