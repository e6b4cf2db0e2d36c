// Credentials the step phrases do not read, as admins write them: "Basic auth with the API key in
// PEOPLEHUB_API_KEY as the username and x as the password" (the key as the user name, a literal password),
// "a bearer token: use the secret HELPDESK_TOKEN". A secret whose use is not said is refused, not guessed.

import type { Recognition, Rule } from '../../recognizer.ts';
import type { Auth, HttpActionRule } from './http-action-rule.ts';
import { statedSteps, stepNamed } from './reading-state.ts';
import { SECRET, setAuth } from './step-phrases.ts';

/** Services whose documented password for a key used as the user name is fixed (BambooHR: any text, "x" by custom). */
const KEY_PASSWORDS: Array<[RegExp, string]> = [[/\.bamboohr\.com\//i, 'x']];

const BASIC_KEY = new RegExp(
  String.raw`\bbasic(?:\s+auth\w*)?\b[^.;]*?\b(?:api\s+)?key\s+(?:is\s+)?(?:in|from)\s+(?:the\s+)?(?:secret\s+)?${SECRET}\s+as\s+(?:the\s+)?user\s?name\b` +
    // The password: 'and "x" as the password', "x as the password", "password x" (also "pasword").
    String.raw`(?:,?\s+(?:and\s+)?(?:["'‘“]([^\s"'’”]{1,40})["'’”]|(\S{1,40}?))\s+as\s+(?:the\s+)?pass?word\b` +
    String.raw`|,?\s+(?:and\s+)?(?:the\s+)?pass?word\s*(?:is|=|:)?\s*["'‘“]?([^\s"'’”,.;]{1,40})["'’”]?)?`,
  'i',
);

function readBasicKey(match: RegExpExecArray, recognition: Recognition<HttpActionRule>): void {
  const [, secret = '', quoted, bare, after] = match;
  const before = match.input.slice(0, match.index);
  const url = statedSteps(recognition)[stepNamed(recognition, before)]?.url ?? '';
  const password = quoted ?? bare ?? after ?? KEY_PASSWORDS.find(([host]) => host.test(url))?.[1];
  if (password === undefined) {
    recognition.problems.push(`"${match[0]}": the password that goes with the key was not given ("and x as the password")`);
    return;
  }
  const auth: Auth = { scheme: 'basic-key', usernameSecret: secret, password };
  setAuth(recognition, before, auth);
}

export const CREDENTIAL_RULES: Rule<HttpActionRule>[] = [
  { pattern: BASIC_KEY, apply: readBasicKey },
  {
    pattern: new RegExp(String.raw`\b(?:use|using|with)\s+the\s+secret\s+${SECRET}(?:\s+as\s+(?:the\s+|a\s+)?bearer(?:\s+token)?)?`, 'i'),
    apply: (match, recognition) => {
      const secret = match[1] ?? '';
      const clause = match.input.split(secret).join(' ');
      if (/\bbasic\b|\boauth\b|\bclient\s+secret\b/i.test(clause)) return;
      if (!/\bbearer\b|\b(?:api|access)?\s*token\b/i.test(clause)) {
        recognition.problems.push(`"${match[0]}": say how the secret ${secret} is sent ("a bearer token: use the secret ${secret}")`);
        return;
      }
      setAuth(recognition, match.input.slice(0, match.index), { scheme: 'bearer', secret });
    },
  },
];
