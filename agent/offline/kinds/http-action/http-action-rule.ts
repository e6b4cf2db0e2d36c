// The typed intermediate form of an HTTP action rule: who the function acts for (conditions on the person
// and the start date), then one or more HTTP steps in order, each with its own optional condition,
// endpoint, method, auth, body, success check and the response fields it yields, and what the function
// returns. The function and its fixtures are both generated from it.
//
// Texts (URLs, body strings, output values) are templates with placeholders, see PLACEHOLDERS below;
// `<steps.N.path>` is a field of step N's JSON answer (N from 1), e.g. `<steps.1.temporaryAccessPass>`;
// `<tables.NAME>` is the value table NAME's value for the person. A value a request cannot do without
// (`upn`, `managerEmail`, `accountEmail`, `username`, `employeeId`, named without `|text`) is trimmed, and
// when it is missing or blank the function refuses before any call. Three forms more:
// - `<NAME|text>`: the value trimmed, and `text` when it is missing or blank: `<location|(not set)>`,
//   `<managerEmail|hr@acme.com>`; `<department|>` only trims. Such a value is never required. It works for
//   an earlier answer's field too: `<steps.1.startDateTime|the moment it was issued>`.
// - `<NAME:lower>`: the value lower-cased (`<accountEmail:lower>`); with a text: `<NAME:lower|text>`.
// - `<secrets.NAME>`, in a URL only: the secret's value as it is, unencoded (a Slack webhook's path is
//   held in a secret); the secret is bound to that URL's host, and the host puts the value in at egress.

/** A field of the person a condition tests; `startWeekday` is the day of the week of `person.startDate`. */
export type ConditionField = 'department' | 'location' | 'title' | 'employmentType' | 'startWeekday';

export interface Condition {
  field: ConditionField;
  /** Compared case-insensitively after trimming; weekdays are lower-case English names ("monday"). */
  values: string[];
  /** True: the person matches when the field is none of the values. */
  negate: boolean;
}

export type Auth =
  | { scheme: 'none' }
  | { scheme: 'bearer'; secret: string }
  /** Basic: a literal user name and the password (or API token) in a secret. */
  | { scheme: 'basic'; username: string; passwordSecret: string }
  /** Basic with an API key in a secret as the user name and a literal password (BambooHR: the key and "x"). */
  | { scheme: 'basic-key'; usernameSecret: string; password: string }
  /** OAuth 2.0 client credentials, run by the host at egress (contract.md). */
  | { scheme: 'oauth'; tokenUrl: string; clientId: string; clientSecret: string; scope: string };

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpStep {
  /** Every condition must hold for this step to run; a skipped step yields nothing. */
  when: Condition[];
  method: HttpMethod;
  /** The endpoint with placeholders; a value in the path is percent-encoded with '@' kept, a `<secrets.NAME>` is not. */
  url: string;
  auth: Auth;
  /** The JSON body, strings holding placeholders; null for none. A string that is one placeholder keeps its type. */
  body: unknown;
  /** The one status that means success; anything else is an error naming the status. */
  successStatus: number;
  /** Fields of the JSON answer that must be present (dot paths), else an error. */
  requires: string[];
  /**
   * Fields of the answer that are credentials (a one-time pass): a later step may send them, but they are
   * never logged or returned, and cut out of any error (an upstream may echo them back).
   */
  sensitive: string[];
  /** A response header that holds the reason for a failure (BambooHR's X-BambooHR-Error-Message). */
  errorHeader?: string;
  /** The opening of the error when this step fails, with placeholders: "BambooHR did not update employee <employeeId>". */
  failureMessage?: string;
  /** What the step does for a status other than its success (Graph's 404 for a user already gone). */
  onStatus?: StatusAnswer[];
}

/**
 * The step's answer for one status: stop there, logging `warning` and returning `output` (later steps are
 * not called), or fail with `error` instead of the step's usual failure. Texts hold placeholders.
 */
export type StatusAnswer =
  | { status: number; warning: string; output: Record<string, unknown> }
  | { status: number; error: string };

/**
 * Hold off until a day relative to a date on the event: when the event's day (`occurredAt`, UTC) is before
 * `date` plus `days`, nothing is called and `output` is returned (`<waitUntil>` is that first day). An event
 * without the date does not wait; a date that is not a real YYYY-MM-DD is an error before any call.
 */
interface Wait {
  /** `lastDay`: the last day a user.left event carries. */
  date: 'lastDay';
  /** 0: on the date itself; 1: the day after it. */
  days: number;
  output: Record<string, unknown>;
}

/**
 * A value chosen by who the person is ("contractors use requestTypeId 53, everyone else 10"): the value of
 * the first row whose conditions all hold, else `otherwise`. A text names it as `<tables.NAME>`.
 */
export interface ValueTable {
  name: string;
  rows: Array<{ when: Condition[]; value: unknown }>;
  otherwise: unknown;
}

export interface HttpActionRule {
  functionName: string;
  trigger: 'user.joined' | 'user.left' | 'manual';
  /** Every condition must hold, else the function returns `skipOutput` and calls nothing. */
  when: Condition[];
  skipOutput: Record<string, unknown>;
  /** A day to wait for, checked after the values a request needs and their shapes, before any call. */
  wait?: Wait;
  steps: HttpStep[];
  /** Values by condition with a default, named in texts as `<tables.NAME>`. */
  tables: ValueTable[];
  /** What the function returns: literal values, or templates (a value that is one placeholder keeps its type). */
  output: Record<string, unknown>;
  /** Values (texts with placeholders) that must have a shape, else an error before any call. */
  checks?: ValueCheck[];
}

/** `email`: an address (something@domain.tld); `word`: no spaces (a username). */
export interface ValueCheck {
  value: string;
  shape: 'email' | 'word';
}

/** Fields of the event a template may name; `upn` is `event.account.userPrincipalName`. */
export const PLACEHOLDERS = [
  'firstName', 'lastName', 'preferredName', 'name', 'department', 'location', 'title', 'employmentType', 'startDate',
  'employeeId', 'managerEmail', 'upn', 'accountEmail', 'username', 'eventId',
];
// Two more a rule may name: `lastDay`, the event's last day (null when it has none), and `waitUntil`, the
// first day the steps may run (in a wait's output).

export const HTTP_ACTION_DEFAULTS: HttpActionRule = {
  functionName: 'http-action',
  trigger: 'user.joined',
  when: [],
  skipOutput: { skipped: true },
  steps: [
    {
      when: [],
      method: 'POST',
      url: 'https://api.example.com/v1/joiners',
      auth: { scheme: 'bearer', secret: 'API_TOKEN' },
      body: { text: '<name> starts on <startDate>', employeeId: '<employeeId>' },
      successStatus: 201,
      requires: [],
      sensitive: [],
    },
  ],
  tables: [],
  output: { done: true },
};
