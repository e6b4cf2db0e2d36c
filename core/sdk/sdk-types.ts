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
  status: 'active' | 'disabled';
  groups: string[];
}

export interface FetchInit {
  method?: string;
  headers?: Record<string, string>;
  /** A string, or a JSON value (sent as JSON). */
  body?: unknown;
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
  };
  http: {
    /** Only to hosts listed in `egress`. */
    fetch(url: string, init?: FetchInit): Promise<FetchResponse>;
  };
  /** Only names listed in `secrets`. */
  secrets: { get(name: string): Promise<string> };
  log: Logger;
}

export interface FunctionDefinition<Extra extends object = {}> {
  /** kebab-case, unique in the registry */
  name: string;
  description: string;
  trigger: Trigger;
  /** Hosts the function may call, e.g. ['graph.microsoft.com']. */
  egress: string[];
  /** Secret names the function may read, e.g. ['GRAPH_TOKEN']. */
  secrets: string[];
  run(event: LifecycleEvent & Extra, ctx: FunctionContext): unknown;
}

export declare function defineFunction<Extra extends object = {}>(
  definition: FunctionDefinition<Extra>,
): FunctionDefinition<Extra>;
