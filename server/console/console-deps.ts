// What the console is built from; the composition root (`joinery serve`) hands these in.

import type { AuditTrail } from '../../core/audit/index.ts';
import type { DirectoryReader } from '../../core/diff/index.ts';
import type { EventQueue } from '../../core/events/index.ts';
import type { FlowStore } from '../../core/flows/index.ts';
import type { RunLimits, SandboxRunner } from '../../core/execution/types.ts';
import type { Registry } from '../../core/registry/index.ts';
import type { TokenStore } from '../../core/tokens/index.ts';
import type { Logger } from '../logger.ts';
import type { ConsoleOidc } from './console-oidc.ts';

export interface BehaviourSettings {
  runner: SandboxRunner;
  /** Read (never written) for reservations and lookups of recorded events. */
  directory?: DirectoryReader;
  limits?: Partial<RunLimits>;
  /** Recent recorded events each behavioural diff replays (default 100). */
  maxEvents?: number;
  /** No new case starts after this long (default 10 s). */
  timeLimitMs?: number;
}

export interface ConsoleDeps {
  registry: Registry;
  tokens: TokenStore;
  auditTrail: AuditTrail;
  logger: Logger;
  /** The runtime's event queue; omitted, the events page says there is none. */
  queue?: EventQueue;
  /** Reviewed flows (the flows pages); omitted, the flows page says there are none. */
  flows?: FlowStore;
  /** Runs behavioural diffs; omitted, the version page says they are off. */
  behaviour?: BehaviourSettings;
  /** config.json retention.executionPayloadDays, shown on the audit page. */
  retentionDays?: number | null;
  /** Adds `Secure` to cookies: set when the console is reached over HTTPS (a TLS proxy in front). */
  secureCookies?: boolean;
  /** Sign-in with the identity provider (authorization code with PKCE); omitted, tokens only. */
  oidc?: ConsoleOidc;
  sessionIdleMs?: number;
  sessionMaxAgeMs?: number;
  now?: () => number;
}
