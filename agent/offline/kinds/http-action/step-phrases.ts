// How admins describe an HTTP step: "POST <url>", the auth ("bearer token from the secret X", "Basic auth,
// user U, password in secret S", "OAuth client credentials: token endpoint …, client id …, client secret in
// the secret S, scope …"), the body ("body { … }", "JSON { … }", "with { … }"), the success check
// ("answers 201", "not 201 → error"), and the answer's fields ("with the pass in temporaryAccessPass").

import { URL_PATTERN } from '../../grammar/shared-rules.ts';
import type { Recognition, Rule } from '../../recognizer.ts';
import type { Auth, HttpActionRule, HttpMethod, HttpStep } from './http-action-rule.ts';
import { templated, templatedBody } from './placeholders.ts';
import { readObject } from './read-object.ts';
import { pendingOf, statedSteps, stepNamed, write } from './reading-state.ts';

/** An object written inline, up to four levels deep. */
export const OBJECT = String.raw`\{(?:[^{}]|\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\})*\}`;
export const SECRET = '([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)';
const URL_SOURCE = URL_PATTERN.source;

/** Success statuses the services document, used when the text names none. */
const KNOWN_SUCCESS: Array<[RegExp, number]> = [
  [/api\.sendgrid\.com\/v3\/mail\/send/i, 202],
  [/graph\.microsoft\.com\/.*\/sendmail$/i, 202],
  [/graph\.microsoft\.com\/.*\/temporaryAccessPassMethods$/i, 201],
  [/hooks\.slack\.com/i, 200],
];
/** Answer fields that are credentials: a Graph Temporary Access Pass. */
const SENSITIVE: Array<[RegExp, string]> = [[/\/temporaryAccessPassMethods$/i, 'temporaryAccessPass']];

const trimUrl = (url: string) => url.replace(/[.,;:)]+$/, '');

export function setStep(recognition: Recognition<HttpActionRule>, index: number, change: Partial<HttpStep>): void {
  const steps = statedSteps(recognition).map((step, at) => (at === index ? { ...step, ...change } : step));
  write(recognition, 'steps', steps);
}

/** A part of an OAuth client named before its step; `undefined` only marks that one was named. */
function oauth(recognition: Recognition<HttpActionRule>, field: 'tokenUrl' | 'clientId' | 'clientSecret' | 'scope', value: string | undefined): void {
  const client = pendingOf(recognition).oauth;
  if (value !== undefined) client[field] = value;
  else client[field] ??= '';
}

export function setAuth(recognition: Recognition<HttpActionRule>, text: string, auth: Auth): void {
  const pending = pendingOf(recognition);
  const index = stepNamed(recognition, text);
  if (index < 0) {
    pending.auth = auth;
    return;
  }
  pending.authStated.add(index);
  setStep(recognition, index, { auth });
}

export const STEP_RULES: Rule<HttpActionRule>[] = [
  {
    pattern: new RegExp(String.raw`\b(GET|POST|PUT|PATCH|DELETE)\s+(${URL_SOURCE})`),
    apply: (match, recognition) => {
      const steps = statedSteps(recognition);
      const url = templated(trimUrl(match[2] ?? ''), recognition, steps, `the endpoint ${match[2]}`, { url: true });
      const path = url.split('?')[0] ?? url;
      const step: HttpStep = {
        when: [],
        method: (match[1] ?? 'POST') as HttpMethod,
        url,
        auth: { scheme: 'none' },
        body: null,
        successStatus: KNOWN_SUCCESS.find(([pattern]) => pattern.test(path))?.[1] ?? 0,
        requires: SENSITIVE.filter(([pattern]) => pattern.test(path)).map(([, field]) => field),
        sensitive: SENSITIVE.filter(([pattern]) => pattern.test(path)).map(([, field]) => field),
      };
      write(recognition, 'steps', [...steps, step]);
    },
  },
  // Every URL is recorded: one that is no endpoint, token URL or scope is a problem in finish.
  { pattern: URL_PATTERN, apply: (match, recognition) => void pendingOf(recognition).urls.push(trimUrl(match[0])) },
  {
    pattern: new RegExp(String.raw`\bbearer\b(?:\s+token)?(?:\s+(?:from|in|is|=|:))?(?:\s+the)?(?:\s+secret)?\s+${SECRET}`, 'i'),
    apply: (match, recognition) => setAuth(recognition, match.input.slice(0, match.index), { scheme: 'bearer', secret: match[1] ?? '' }),
  },
  {
    pattern: new RegExp(
      String.raw`\bbasic(?:\s+auth\w*)?\b[^.;]*?\buser(?:name)?\s*(?:=|:|is)?\s*['"‘“]?([\w.@-]+?)['"’”]?\s*(?:,|and|with)` +
        String.raw`[^.;]*?\b(?:password|api token|token)\b[^.;]*?\bsecret\s+${SECRET}`,
      'i',
    ),
    apply: (match, recognition) => {
      const auth: Auth = { scheme: 'basic', username: match[1] ?? '', passwordSecret: match[2] ?? '' };
      setAuth(recognition, match.input.slice(0, match.index), auth);
    },
  },
  {
    pattern: /\boauth(?:\s*2(?:\.0)?)?\s+client[- ]credentials\b|\bclient[- ]credentials\s+(?:grant|flow)\b/i,
    apply: (_match, recognition) => oauth(recognition, 'clientId', undefined),
  },
  {
    pattern: new RegExp(String.raw`\btoken\s+(?:endpoint|url)\s*:?\s*(${URL_SOURCE})`, 'i'),
    apply: (match, recognition) => oauth(recognition, 'tokenUrl', trimUrl(match[1] ?? '')),
  },
  { pattern: /\bclient[ _-]?id\s*:?\s*(?:is\s+)?([\w-]{6,})/i, apply: (match, recognition) => oauth(recognition, 'clientId', match[1] ?? '') },
  {
    pattern: new RegExp(String.raw`\bclient[ _-]?secret\s+(?:is\s+)?(?:in|from)\s+(?:the\s+)?(?:secret\s+)?${SECRET}`, 'i'),
    apply: (match, recognition) => oauth(recognition, 'clientSecret', match[1] ?? ''),
  },
  { pattern: new RegExp(String.raw`\bscope\s*:?\s*(${URL_SOURCE})`, 'i'), apply: (match, recognition) => oauth(recognition, 'scope', trimUrl(match[1] ?? '')) },
  {
    // "body { … }", "JSON { … }", "with { … }" after a step; not "answers 201 with { … }", which is its answer.
    pattern: new RegExp(String.raw`(?<!\b\d{3}\s+)\b(?:body|json|payload|with)\b(?:\s+(?:the\s+)?body)?\s*:?\s*(${OBJECT})`, 'i'),
    apply: (match, recognition) => {
      const index = statedSteps(recognition).length - 1;
      const read = readObject(match[1] ?? '', 0);
      if (index < 0 || !read) {
        recognition.problems.push(`the body "${match[1]}" ${index < 0 ? 'comes before any endpoint' : 'could not be read'}`);
        return;
      }
      const body = templatedBody(read.value, recognition, statedSteps(recognition).slice(0, index), `the body of step ${index + 1}`);
      setStep(recognition, index, { body });
    },
  },
  {
    pattern: new RegExp(
      String.raw`\b(?:answers?|respond(?:s|ing)?|replies|returns?)\s+(?:with\s+)?(?:HTTP\s+)?([1-5]\d\d)\b` +
        String.raw`(?:\s+(?:accepted|created|ok))?(?:\s+with\s+(${OBJECT}))?`,
      'i',
    ),
    apply: (match, recognition) => {
      const before = match.input.slice(0, match.index);
      // "if the API answers 404, …" is a status with its own answer (status-phrases.ts), not the success.
      if (Number(match[1]) >= 300 && /\b(?:if|when|should)\b[^.;,]{0,40}$/i.test(before)) return;
      const index = stepNamed(recognition, before);
      if (index < 0) return;
      setStep(recognition, index, { successStatus: Number(match[1]) });
      const shape = match[2] ? readObject(match[2], 0) : undefined;
      if (shape) pendingOf(recognition).shapes.set(index, shape.value);
    },
  },
  {
    pattern: /\b(?:not(?:\s+answering)?|other than|anything but|anything other than|anything except)\s+(?:a\s+)?(?:HTTP\s+)?([1-5]\d\d)\b/i,
    apply: (match, recognition) => {
      const index = stepNamed(recognition, match.input.slice(0, match.index));
      if (index >= 0) setStep(recognition, index, { successStatus: Number(match[1]) });
    },
  },
  {
    // 'e.g. a 2026-03-09 start gives startDateTime "2026-03-09T08:00:00Z"': a literal fixture, whatever the reading.
    pattern: /\be\.g\.?,?\s+(?:an?\s+)?(\d{4}-\d{2}-\d{2})\s+start(?:\s+date)?\s+(?:gives|→|->|becomes|means)\s+(?:([A-Za-z]\w*)\s+)?["“]([^"”]+)["”]/i,
    apply: (match, recognition) => void recognition.examples.push({ input: `${match[1]}${match[2] ? `|${match[2]}` : ''}`, output: match[3] ?? '' }),
  },
  {
    // "with the pass in temporaryAccessPass": a field the answer must hold, and a credential.
    pattern: /\bwith the (?:pass|code|tap|password|secret)\s+in\s+([A-Za-z]\w*)/i,
    apply: (match, recognition) => {
      const index = stepNamed(recognition, match.input.slice(0, match.index));
      const step = statedSteps(recognition)[index];
      if (!step) return;
      const field = match[1] ?? '';
      setStep(recognition, index, { requires: [...new Set([...step.requires, field])], sensitive: [...new Set([...step.sensitive, field])] });
    },
  },
];
