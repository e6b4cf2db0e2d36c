// The part of the generated body that calls: each step's credential, a failure described precisely (the
// sensitive fields of earlier answers cut out), and run() itself, which checks the conditions, refuses
// before any call when a value is missing, waits for its day, runs the steps in order (a status with its
// own answer stops or fails there) and returns the output.

export const REQUEST_HELPERS = `
function authOf(auth: Auth): Record<string, unknown> {
  if (auth.scheme === 'bearer') return { auth: { bearer: auth.secret } };
  if (auth.scheme === 'basic') return { auth: { basic: { username: auth.username, password: { secret: auth.passwordSecret } } } };
  if (auth.scheme === 'basic-key') return { auth: { basic: { username: { secret: auth.usernameSecret }, password: auth.password } } };
  if (auth.scheme === 'oauth') return { auth: { oauth: OAUTH_CLIENTS[\`\${auth.tokenUrl} \${auth.clientId}\`] ?? '' } };
  return {};
}

/** The text with every sensitive field of the answers so far cut out: an upstream may echo a pass. */
function redacted(text: string, answers: unknown[]): string {
  const values = PARAMS.steps.flatMap((step, index) => step.sensitive.map((path) => pathOf(answers[index], path)));
  const texts = values.filter((value): value is string => typeof value === 'string' && value !== '');
  return texts.reduce((result, value) => result.split(value).join('[redacted]'), text);
}

/** "HTTP 404: <the reason header>", "HTTP 403 <code>: <message>" from a JSON error, else the start of the text. */
async function failure(response: { status: number; headers: Record<string, string>; text(): Promise<string> }, header?: string): Promise<string> {
  const reason = header ? Object.entries(response.headers).find(([name]) => name.toLowerCase() === header.toLowerCase())?.[1] : undefined;
  if (reason?.trim()) return \`HTTP \${response.status}: \${reason.trim()}\`;
  const text = await response.text().catch(() => '');
  try {
    const error = (JSON.parse(text) as { error?: { code?: string; message?: string } }).error;
    if (error?.code || error?.message) return \`HTTP \${response.status} \${error.code ?? ''}: \${error.message ?? ''}\`;
  } catch {
    // not JSON: the first characters of the text say enough
  }
  return \`HTTP \${response.status}: \${text.slice(0, 200)}\`;
}
`;

export const RUN = `  async run(event, ctx) {
    // 1. People the rule is not for get the skip output, and nothing is called.
    if (!holds(PARAMS.when, event)) {
      ctx.log.info('the rule does not apply to this person; nothing called');
      return PARAMS.skipOutput;
    }
    const steps = PARAMS.steps.filter((step) => holds(step.when, event));
    // 2. Refuse before any call when a value a request needs is missing.
    const absent = missing(event, steps);
    const who = \`\${event.person.firstName} \${event.person.lastName}\`;
    if (absent.length > 0) throw new Error(\`cannot run for \${who}: \${absent.join(', ')} is missing; nothing was called\`);
    const wrong = misshapen(event);
    if (wrong) throw new Error(\`cannot run for \${who}: \${wrong}; nothing was called\`);
    // 3. Too early for the day the steps may run: nothing is called, and the wait's output says until when.
    const until = waitUntil(event);
    if (PARAMS.wait && until !== undefined && event.occurredAt.slice(0, 10) < until) {
      ctx.log.warn('too early: nothing called; run again on or after the day the steps may run', { waitUntil: until });
      return fill(PARAMS.wait.output, event, []) as Record<string, unknown>;
    }
    // 4. The steps in order; a step's answer feeds the later ones. A failed step stops the rest.
    const answers: unknown[] = [];
    for (const [index, step] of PARAMS.steps.entries()) {
      if (!steps.includes(step)) {
        answers.push(undefined);
        continue;
      }
      const url = await withSecrets(String(fill(step.url, event, answers, true)), ctx.secrets);
      const host = new URL(url).host;
      const body = step.body === null ? {} : { body: fill(step.body, event, answers) };
      const response = await ctx.http.fetch(url, { method: step.method, ...body, ...authOf(step.auth) });
      const done = index > 0 && answers.some((answer) => answer !== undefined) ? ' (the earlier steps were done)' : '';
      const what = \`step \${index + 1} (\${step.method} \${host})\`;
      // A status with its own answer: stop with a warning and an output, or fail with the step's own error.
      const special = step.onStatus?.find((answer) => answer.status === response.status);
      if (special && 'error' in special) throw new Error(redacted(String(fill(special.error, event, answers)), answers));
      if (special) {
        ctx.log.warn(redacted(String(fill(special.warning, event, answers)), answers), { step: index + 1, host, status: response.status });
        return fill(special.output, event, answers) as Record<string, unknown>;
      }
      if (response.status !== step.successStatus) {
        const failed = step.failureMessage ? String(fill(step.failureMessage, event, answers)) : \`\${what} failed\`;
        throw new Error(redacted(\`\${failed}: \${await failure(response, step.errorHeader)}, not \${step.successStatus}\${done}\`, answers));
      }
      const read = step.requires.length + step.sensitive.length > 0 || JSON.stringify(PARAMS).includes(\`<steps.\${index + 1}.\`);
      const answer = read ? await response.json() : {};
      const absentField = step.requires.find((path) => pathOf(answer, path) == null);
      if (absentField) throw new Error(\`\${what} answered \${response.status} without \${absentField}\${done}\`);
      answers.push(answer);
      ctx.log.info('step done', { step: index + 1, host, status: response.status });
    }
    return fill(PARAMS.output, event, answers) as Record<string, unknown>;
  },
});
`;
