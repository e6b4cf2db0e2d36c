// The contract authored functions compile against. This file holds declarations only: it is both the
// host's view of the SDK and, wrapped as `declare module '@joinery/sdk'`, the text the type-checker and
// the models see (see declarations.ts). Grow it; never break what contract.md promises.

export type Trigger = 'user.joined' | 'user.moved' | 'user.left' | 'manual' | 'schedule';

export interface Person {
  employeeId: string;
  firstName: string;
  lastName: string;
  middleName?: string | null;
  preferredName?: string | null;
  personalEmail?: string | null;
  department: string;
  title?: string | null;
  location?: string | null;
  costCenter?: string | null;
  employmentType: 'employee' | 'contractor' | 'intern';
  managerEmail?: string | null;
  /** YYYY-MM-DD */
  startDate: string;
  /** YYYY-MM-DD */
  endDate?: string | null;
}

export interface LifecycleEvent {
  type: Trigger;
  id: string;
  /** ISO 8601 instant */
  occurredAt: string;
  person: Person;
  /** Set once accounts exist. */
  account?: { username?: string; email?: string; userPrincipalName?: string };
  /** user.moved: the values before the move. */
  previous?: Partial<Person>;
  /** user.left */
  lastDay?: string;
}

export interface DirectoryUser {
  id: string;
  username: string;
  email: string;
  displayName: string;
  employeeId: string;
  department: string;
  /** `provisioned`: created by `joinery serve` when a joiner's event completed (see reserveUsername). */
  status: 'active' | 'disabled' | 'provisioned';
  groups: string[];
}

/** A secret named where the host fills in its value: `{ secret: 'JIRA_API_TOKEN' }`. */
export interface SecretReference {
  secret: string;
}

/**
 * How the host authenticates one request. The function names a secret or an OAuth client; the host puts
 * the credential in the `Authorization` header at egress, only for hosts the secret or client is bound to.
 * - `{ bearer: 'GRAPH_TOKEN' }`: `Authorization: Bearer <value of GRAPH_TOKEN>`.
 * - `{ basic: { username: 'svc-joinery', password: { secret: 'JIRA_API_TOKEN' } } }`: HTTP Basic; each part
 *   a literal or `{ secret: 'NAME' }` (BambooHR: `{ username: { secret: 'BAMBOOHR_API_KEY' }, password: 'x' }`).
 * - `{ oauth: 'graph' }`: `Authorization: Bearer <access token>` of the client named `graph` in `oauth`.
 */
export type FetchAuth =
  | { bearer: string }
  | { basic: { username: string | SecretReference; password: string | SecretReference } }
  | { oauth: string };

export interface FetchInit {
  method?: string;
  headers?: Record<string, string>;
  /** A string, a URLSearchParams (sent form-encoded), or a JSON value (sent as JSON). */
  body?: unknown;
  /** Credentials the host adds at egress; see FetchAuth. Overrides an `Authorization` header. */
  auth?: FetchAuth;
}

export interface FetchResponse {
  status: number;
  ok: boolean;
  headers: Record<string, string>;
  text(): Promise<string>;
  json(): Promise<unknown>;
}

export interface Logger {
  debug(message: string, data?: unknown): void;
  info(message: string, data?: unknown): void;
  warn(message: string, data?: unknown): void;
  error(message: string, data?: unknown): void;
}

export interface FunctionContext {
  directory: {
    /** True when any user (active or disabled) holds the name, compared case-insensitively,
     *  or when the name was ever retired. Retired names are never handed out again. */
    isUsernameTaken(username: string): Promise<boolean>;
    /** Users matching every given field; email and username compare case-insensitively. */
    findUsers(filter: { username?: string; email?: string; employeeId?: string }): Promise<DirectoryUser[]>;
    /**
     * Claims a username for this event, atomically: false when a user holds it (compared case-insensitively),
     * it was ever retired, or another event running now reserved it; true again for a name this event holds
     * (a retried attempt). Under `joinery serve` the name becomes a `provisioned` user when the event
     * completes and is freed when it fails; elsewhere it is held for the run only. Prefer it to
     * isUsernameTaken when choosing a new name: two joiners processed at once never get the same one.
     */
    reserveUsername(candidate: string): Promise<boolean>;
    /** As reserveUsername, for an email address (retired addresses are never free). */
    reserveEmail(candidate: string): Promise<boolean>;
  };
  /** This run's attempt for its event, 1-based: above 1 when `joinery serve` retries the event. With
   *  `event.id` it identifies the attempt (see Idempotency-Key in docs/contract.md). 1 outside serve. */
  attempt(): Promise<number>;
  http: {
    /** Only to hosts listed in `egress`. */
    fetch(url: string, init?: FetchInit): Promise<FetchResponse>;
  };
  secrets: {
    /**
     * Only names listed in `secrets`. Returns a placeholder (`joinery-secret-<run nonce>-<NAME>`), never the
     * value: secret values never enter the function. The host replaces the placeholder with the value at
     * egress, in a request to a host the secret is bound to, wherever it stands as it was returned: in the
     * URL, a header, a `Basic` credential (base64 of "user:<placeholder>"), a JSON or form body. Prefer `auth`.
     */
    get(name: string): Promise<string>;
  };
  log: Logger;
}

/** A secret and the only hosts its value may be sent to (each one also listed in `egress`). */
export interface SecretBinding {
  name: string;
  hosts: string[];
}

/**
 * An OAuth 2.0 client-credentials grant the host runs at egress: it posts `grant_type=client_credentials`
 * (with client_id, client_secret and scope in the form body) to `tokenUrl`, caches the access token until
 * shortly before it expires, and sends it as `Authorization: Bearer` to `hosts` when a request says
 * `auth: { oauth: '<client name>' }`. The function never sees the token.
 */
export interface OAuthClientCredentials {
  /** e.g. 'https://login.microsoftonline.com/<tenant id>/oauth2/v2.0/token'; its host must be in `egress`. */
  tokenUrl: string;
  /** The client (application) id: a literal, or `{ secret: 'NAME' }`. */
  clientId: string | SecretReference;
  /** The name of the secret holding the client secret; declared in `secrets` and bound to the token host. */
  clientSecret: string;
  /** e.g. 'https://graph.microsoft.com/.default'. */
  scope?: string;
  /** Hosts the access token is sent to, each also in `egress`. */
  hosts: string[];
}

export interface FunctionDefinition<Extra extends object = {}> {
  /** kebab-case, unique in the registry */
  name: string;
  description: string;
  trigger: Trigger;
  /** Hosts the function may call, e.g. ['graph.microsoft.com']. */
  egress: string[];
  /**
   * Secrets the function may use, each with the hosts its value may be sent to:
   * `[{ name: 'GRAPH_TOKEN', hosts: ['graph.microsoft.com'] }]`. A plain name (`'GRAPH_TOKEN'`) may be sent to
   * every host in `egress`.
   */
  secrets: Array<string | SecretBinding>;
  /** OAuth client-credentials clients by name, used with `auth: { oauth: '<name>' }`. */
  oauth?: Record<string, OAuthClientCredentials>;
  run(event: LifecycleEvent & Extra, ctx: FunctionContext): unknown;
}

export declare function defineFunction<Extra extends object = {}>(
  definition: FunctionDefinition<Extra>,
): FunctionDefinition<Extra>;
