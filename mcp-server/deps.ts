// What the MCP server is built from. Only composition roots (the CLI's `joinery mcp`, tests, benches)
// construct these parts; the server never opens a database, a sandbox or a model client itself.

import type { ModelClient, TemplateEntry } from '../agent/index.ts';
import type { DirectoryStore } from '../core/directory/types.ts';
import type { EventQueue } from '../core/events/index.ts';
import type { FlowStore } from '../core/flows/index.ts';
import type { GuardStore } from '../core/guards/index.ts';
import type { ReservationLedger } from '../core/ledger/index.ts';
import type { Toolchain } from '../core/pipeline/index.ts';
import type { ActorSource, Registry } from '../core/registry/types.ts';
import type { FetchPort } from '../core/runtime/index.ts';
import type { SecretStore } from '../core/secrets/types.ts';
import type { Role } from '../core/tokens/index.ts';
import type { DraftStore } from './drafts/index.ts';

/** Who is calling: a bearer token's name and role over HTTP, the local user over stdio. */
export interface Principal {
  name: string;
  role: Role;
  /** How the name was established ('mcp-token' over HTTP; the CLI's answer over stdio); recorded with
   *  the versions and reviews the principal writes. Unset in tests that build principals by hand. */
  source?: ActorSource;
}

export interface McpServerDeps {
  registry: Registry;
  directory: DirectoryStore;
  /** Where run_function's reserveUsername/reserveEmail hold names for the run; omitted, they check the directory. */
  ledger?: ReservationLedger;
  /** The lifecycle runtime's stores (`joinery serve`'s queue and quarantines). Omitted, list_events,
   *  get_event, replay_event and resume_function are still listed and answer NOT_FOUND naming the store. */
  events?: EventQueue;
  guards?: GuardStore;
  secrets: SecretStore;
  /** Flow versions: published and reviewed over MCP like functions (list_flows … review_flow). */
  flows: FlowStore;
  toolchain: Toolchain;
  drafts: DraftStore;
  /** A live egress client bound to a version's declared hosts, or a recorder for dry runs. */
  fetchFor(egress: string[], dryRun: boolean): FetchPort;
  /** The model `author_function` drives (offline, Claude or scripted); closed after each call. */
  createModel(): Promise<ModelClient>;
  /** The rule-family templates (templates/): resources, prompts and the agent's examples. */
  templates: TemplateEntry[];
  /** The principal of requests that carry no bearer token (stdio, in-memory). Unset over HTTP. */
  localPrincipal?: Principal;
  /** Server-side diagnostics (stack traces of internal errors). Defaults to standard error. */
  log?: (line: string) => void;
}
