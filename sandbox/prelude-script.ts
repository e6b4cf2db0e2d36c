// The prelude every isolate runs before guest code: the guest/*.js scripts composed into one setup
// function. It is compiled once per process with V8 code cache data produced by us from our own source
// (never from user input) and reused for every later isolate.
import { readFileSync } from 'node:fs';
import type { ExternalCopy, Isolate, Script } from 'isolated-vm';

export const PRELUDE_FILENAME = 'sandbox:prelude';

const guestScript = (name: string): string =>
  readFileSync(new URL(`./guest/${name}.js`, import.meta.url), 'utf8').trim();

/**
 * Evaluates to `setup(dispatcher, web, log, declare, capsJson) → entry`. Error.prepareStackTrace is pinned
 * to an inert accessor first: V8 only honours a data property there, so guests cannot receive CallSite
 * objects (whose getThis/getFunction could expose bridge internals).
 */
export const PRELUDE_SOURCE = `(function setup(dispatcher, web, log, declare, capsJson) {
'use strict';
Object.defineProperty(Error, 'prepareStackTrace', { get() { return undefined; }, set() {}, configurable: false });
const intrinsics = (${guestScript('intrinsics')})();
(${guestScript('lockdown')})(intrinsics);
const callWeb = (${guestScript('call-web')})(intrinsics, web);
(${guestScript('web-globals')})(intrinsics, callWeb, web, intrinsics.parse(capsJson));
(${guestScript('url')})(intrinsics, callWeb);
const serialiseResult = (${guestScript('result')})(intrinsics);
const freezeClock = (${guestScript('clock')})(intrinsics);
return (${guestScript('bridge')})(intrinsics, serialiseResult, freezeClock, dispatcher, log, declare, capsJson);
})`;

let cachedData: ExternalCopy<ArrayBuffer> | undefined;

/** Synchronous: preparing an isolate is our own bounded work, and each thread hop costs about 0.1 ms. */
export function compilePrelude(isolate: Isolate): Script {
  if (cachedData !== undefined) {
    const script = isolate.compileScriptSync(PRELUDE_SOURCE, { filename: PRELUDE_FILENAME, cachedData });
    if ((script as { cachedDataRejected?: boolean }).cachedDataRejected === true) cachedData = undefined;
    return script;
  }
  const script = isolate.compileScriptSync(PRELUDE_SOURCE, { filename: PRELUDE_FILENAME, produceCachedData: true });
  cachedData = (script as { cachedData?: ExternalCopy<ArrayBuffer> }).cachedData;
  return script;
}
