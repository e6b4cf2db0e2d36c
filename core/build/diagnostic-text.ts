// Diagnostic messages as authors (and models) should read them: the chain flattened the way tsc prints
// it, and compiler hints that cannot apply here ("npm i @types/node", "add 'dom' to lib") replaced by
// what a function can actually use.

export interface MessageNode {
  readonly text: string;
  readonly messageChain?: readonly MessageNode[] | undefined;
}

const SANDBOX_SCOPE_HINT =
  'A function sees only ES2022, @joinery/sdk and the sandbox globals (URL, URLSearchParams, TextEncoder, ' +
  'TextDecoder, btoa, atob, structuredClone, crypto, console); Node and DOM APIs do not exist there.';
const LIB_HINT = 'The sandbox provides the ES2022 library only.';
const IMPORT_HINT = "A function may import only '@joinery/sdk' and allowlisted npm packages.";

/** Codes whose TypeScript hint suggests installing types or changing `lib`/`types`. */
const REPLACED_HINTS = new Map<number, string>([
  [2580, SANDBOX_SCOPE_HINT], // Cannot find name 'require'. Do you need to install type definitions for node?
  [2591, SANDBOX_SCOPE_HINT], // ... and then add 'node' to the types field
  [2582, SANDBOX_SCOPE_HINT], // ... type definitions for a test runner?
  [2593, SANDBOX_SCOPE_HINT],
  [2584, SANDBOX_SCOPE_HINT], // Do you need to change your target library? ... include 'dom'.
  [2583, LIB_HINT], // ... change the 'lib' compiler option to 'es2023' or later.
  [2550, LIB_HINT], // Property ... does not exist on type ... change the 'lib' compiler option ...
]);

/** Host globals people reach for; TS 2304 ("Cannot find name") for these gets the sandbox hint. */
const HOST_GLOBALS = new Set([
  'setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'queueMicrotask', 'global',
  '__dirname', '__filename', 'module', 'exports', 'window', 'document', 'navigator', 'localStorage',
  'XMLHttpRequest', 'Headers', 'Request', 'Response', 'FormData', 'Blob', 'AbortController', 'performance',
]);
const FETCH_HINT = 'Use ctx.http.fetch(url, init), limited to the hosts listed in `egress`.';

/** tsc's layout: the head, then each chained message on its own line, indented two spaces per level. */
export function flattenMessage(node: MessageNode, depth = 0): string {
  const lines = [`${'  '.repeat(depth)}${node.text}`];
  for (const child of node.messageChain ?? []) lines.push(flattenMessage(child, depth + 1));
  return lines.join('\n');
}

/**
 * Replaces or extends the compiler's hint for codes where it would mislead an author. `atModuleName`:
 * the error sits on an import's string (TypeScript words a missing `fs` module as "Cannot find name").
 */
export function withSandboxHint(code: number, message: string, { atModuleName = false } = {}): string {
  const moduleName = atModuleName && (code === 2580 || code === 2591) ? /^Cannot find name '([^']+)'/.exec(message)?.[1] : undefined;
  if (moduleName !== undefined) return `Cannot find module '${moduleName}': Node modules do not exist in the sandbox. ${IMPORT_HINT}`;
  const replacement = REPLACED_HINTS.get(code);
  if (replacement !== undefined) {
    const hintStart = message.indexOf(' Do you need');
    return `${hintStart === -1 ? message : message.slice(0, hintStart)} ${replacement}`;
  }
  if (code === 2307) return `${message} ${IMPORT_HINT}`; // Cannot find module 'fs' or its ... declarations.
  const name = code === 2304 ? /^Cannot find name '([^']+)'/.exec(message)?.[1] : undefined;
  if (name === 'fetch') return `${message} ${FETCH_HINT}`;
  return name !== undefined && HOST_GLOBALS.has(name) ? `${message} ${SANDBOX_SCOPE_HINT}` : message;
}
