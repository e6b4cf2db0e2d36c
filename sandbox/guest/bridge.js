// Guest side: builds `ctx` and `console`, and returns the entry the host drives a run with. `dispatcher` is
// the one isolated-vm Reference to the host; it lives only in this closure and is never reachable from
// guest code. `log` and `declare` are synchronous host callbacks (copies in, copies out). Transfer options are frozen null-prototype objects: isolated-vm reads options through the
// prototype chain, so a guest polluting Object.prototype must not be able to change how a call crosses.
(function installBridge(intrinsics, serialiseResult, freezeClock, dispatcher, log, declare, capsJson) {
  'use strict';
  const { apply, freeze, defineProperty, parse, stringify, String, Error, TypeError, slice } = intrinsics;
  const CALL = freeze({ __proto__: null, arguments: freeze({ __proto__: null, copy: true }), result: freeze({ __proto__: null, promise: true, copy: true }) });
  const MAX_ERROR_TEXT = 16 * 1024;

  // Captured before guest code runs, like the intrinsics: a guest replacing the global changes nothing here.
  const SearchParams = globalThis.URLSearchParams;
  let caps = parse(capsJson);
  let logCount = 0, logUnits = 0, logsDropped = 0;
  let definition, runFunction, bundle;
  // ctx calls sent and not yet answered in here: a warm isolate is only reused once none is left.
  let callsInFlight = 0;

  async function call(operation, payload) {
    callsInFlight++;
    let replyJson;
    try { replyJson = await dispatcher.apply(undefined, [operation, stringify(payload)], CALL); } finally { callsInFlight--; }
    const reply = parse(replyJson);
    if (reply.ok !== true) throw new Error(String(reply.error));
    return reply.value;
  }

  const safeString = (value) => { try { return String(value); } catch { return '[unprintable value]'; } };
  // Caps are enforced here too, so a guest logging in a tight loop stops crossing the boundary once over.
  function emit(level, message, data) {
    if (logsDropped > 0 || logCount >= caps.maxLogEntries) { logsDropped++; return; }
    const text = typeof message === 'string' ? message : safeString(message);
    let dataJson;
    if (data !== undefined) { try { dataJson = stringify(data); } catch { dataJson = '"[unserialisable data]"'; } }
    const units = text.length + (dataJson === undefined ? 0 : dataJson.length);
    if (logUnits + units > caps.maxLogBytes) { logsDropped++; return; }
    logCount++;
    logUnits += units;
    log(level, text, dataJson);
  }

  function formatValue(value) {
    if (typeof value === 'string') return value;
    if (value instanceof Error) return safeString(value);
    if (typeof value === 'object' && value !== null) { try { const json = stringify(value); if (json !== undefined) return json; } catch { /* fall through */ } }
    return safeString(value);
  }
  const format = (values) => { let text = ''; for (let index = 0; index < values.length; index++) text += (index === 0 ? '' : ' ') + formatValue(values[index]); return text; };
  const console = freeze({
    log: (...values) => emit('info', format(values)), info: (...values) => emit('info', format(values)),
    debug: (...values) => emit('debug', format(values)), warn: (...values) => emit('warn', format(values)),
    error: (...values) => emit('error', format(values)),
  });
  defineProperty(globalThis, 'console', { value: console, writable: true, configurable: true, enumerable: false });

  function toResponse({ status, headers, body }) {
    return freeze({
      status, ok: status >= 200 && status <= 299, headers: freeze(headers),
      text: async function text() { return body; },
      json: async function json() { return parse(body); },
    });
  }
  // Built as literals, never by assignment: a setter a guest put on Object.prototype must not see the request.
  // `auth` crosses as data; the host reads it against the manifest and adds the credential at egress.
  async function fetch(url, init = undefined) {
    if (init !== undefined && init !== null && typeof init !== 'object') throw new TypeError('fetch(url, init): init must be an object');
    const { method, headers, body, auth } = init ?? {};
    const form = body instanceof SearchParams;
    const json = body !== undefined && typeof body !== 'string' && !form;
    const text = form ? String(body) : json ? stringify(body) : body;
    if (json && text === undefined) throw new TypeError('fetch(url, init): body must be a string, a URLSearchParams or a JSON value');
    const request = { url: String(url), method: method === undefined ? undefined : String(method), headers, body: text, json, form, auth };
    return toResponse(await call('http.fetch', request));
  }
  const ctx = freeze({
    directory: freeze({
      isUsernameTaken: async function isUsernameTaken(username) { return call('directory.isUsernameTaken', username); },
      findUsers: async function findUsers(filter) { return call('directory.findUsers', filter); },
      reserveUsername: async function reserveUsername(candidate) { return call('directory.reserveUsername', candidate); },
      reserveEmail: async function reserveEmail(candidate) { return call('directory.reserveEmail', candidate); },
    }),
    attempt: async function attempt() { return call('run.attempt', null); },
    http: freeze({ fetch }),
    secrets: freeze({ get: async function get(name) { return call('secrets.get', name); } }),
    log: freeze({
      debug: (message, data) => emit('debug', message, data), info: (message, data) => emit('info', message, data),
      warn: (message, data) => emit('warn', message, data), error: (message, data) => emit('error', message, data),
    }),
  });

  function describeError(error) {
    try {
      if (error instanceof Error || (typeof error === 'object' && error !== null && typeof error.message === 'string')) {
        const name = error.name === undefined ? 'Error' : safeString(error.name);
        const stack = typeof error.stack === 'string' ? slice(error.stack, 0, MAX_ERROR_TEXT) : undefined;
        return { message: slice(`${name}: ${safeString(error.message)}`, 0, MAX_ERROR_TEXT), stack };
      }
      return { message: slice(typeof error === 'object' && error !== null ? safeString(stringify(error)) : safeString(error), 0, MAX_ERROR_TEXT) };
    } catch {
      return { message: 'the function threw a value that could not be read' };
    }
  }

  // Evaluates the bundle's top level once (bundle-loader.ts hands it over as a function): undefined when
  // it completed, else the failure as an envelope.
  function evaluate() {
    if (typeof bundle !== 'function') return { ok: false, message: 'Error: the sandbox loaded no bundle' };
    const evaluateBundle = bundle;
    bundle = undefined;
    try { apply(evaluateBundle, globalThis, []); return undefined; } catch (error) { return { ok: false, error: describeError(error) }; }
  }

  // Reads the definition once: what it declares and its run function, before any run starts.
  function readDefinition() {
    try {
      definition = globalThis.__handler;
      if (definition === null || (typeof definition !== 'object' && typeof definition !== 'function')) {
        return { ok: false, message: 'the bundle has no default export; expected export default defineFunction({ ... })' };
      }
      runFunction = definition.run;
      const { name, description, trigger, egress, secrets, oauth } = definition;
      return { ok: true, manifest: { name, description, trigger, egress, secrets, oauth }, hasRun: typeof runFunction === 'function' };
    } catch (error) {
      return { ok: false, error: describeError(error) };
    }
  }

  // The host checks and records the manifest (synchronously, through `declare`) before run() starts; ctx
  // calls are refused until then and held to exactly what was declared here.
  async function run(eventJson) {
    const failed = evaluate();
    if (failed !== undefined) return stringify({ ...failed, stage: 'evaluation', logsDropped });
    const read = readDefinition();
    if (!read.ok) return stringify({ ...read, stage: 'definition', logsDropped });
    const refusal = declare(stringify(read.manifest));
    if (refusal !== null) return stringify({ ok: false, stage: 'definition', message: String(refusal), logsDropped });
    if (!read.hasRun) return stringify({ ok: false, stage: 'definition', message: 'TypeError: the function definition has no run(event, ctx) method', logsDropped });
    let outcome;
    try {
      const value = await apply(runFunction, definition, [parse(eventJson), ctx]);
      const serialised = serialiseResult(value, caps.maxOutputBytes);
      outcome = serialised.refused === undefined ? { ok: true, json: serialised.json } : { ok: false, error: { message: serialised.refused } };
    } catch (error) {
      outcome = { ok: false, error: describeError(error) };
    }
    return stringify({ ...outcome, logsDropped });
  }

  // 'settled' hands back the one run's promise when the host's first call was answered with an unhandled
  // rejection instead; 'flush' runs no guest code, so isolated-vm reports any rejection left unhandled,
  // and answers how many ctx calls are still in flight.
  let pending;
  return function entry(command, argument) {
    if (command === 'caps') { caps = parse(argument); return undefined; }
    if (command === 'clock') { freezeClock(parse(argument)); return undefined; }
    if (command === 'bundle') { bundle = argument; return undefined; }
    if (command === 'describe') return stringify(evaluate() ?? readDefinition());
    if (command === 'run') { pending = run(argument); return pending; }
    if (command === 'settled') return pending;
    if (command === 'flush') return callsInFlight;
    throw new TypeError(`unknown entry command ${command}`);
  };
})
