// The limits every check runs under, and how a refusal or a stop is worded. One place, so the checker,
// the bundler, the pipeline and the configuration name each limit the same way. The two time limits
// are operator settings (keys of config.json); the size limits are fixed.

export interface CheckLimits {
  /** Wall time of one type-check in its worker, from the moment the worker has it. */
  typeCheckTimeoutMs: number;
  /** Wall time of one bundle. */
  bundleTimeoutMs: number;
  /** UTF-8 bytes of fn.ts; refused before any compiler sees it. */
  maxSourceBytes: number;
  /** Statements in fn.ts as the TypeScript parser counts them (blocks and declarations included). */
  maxStatements: number;
}

export type CheckLimitName = keyof CheckLimits;

export const DEFAULT_CHECK_LIMITS: Readonly<CheckLimits> = {
  typeCheckTimeoutMs: 5_000,
  bundleTimeoutMs: 5_000,
  maxSourceBytes: 256 * 1024,
  maxStatements: 5_000,
};

/** Why a check stopped or was refused; a value, never a throw. */
export type LimitExceeded =
  | { limit: 'typeCheckTimeoutMs'; limitMs: number }
  | { limit: 'bundleTimeoutMs'; limitMs: number }
  | { limit: 'maxSourceBytes'; bytes: number; maxBytes: number }
  | { limit: 'maxStatements'; statements: number; maxStatements: number };

/** A sentence naming the limit, its figure, the actual figure where there is one, and what to do. */
export function describeLimitExceeded(exceeded: LimitExceeded): string {
  switch (exceeded.limit) {
    case 'typeCheckTimeoutMs':
      return `type-check stopped after ${exceeded.limitMs} ms (the limit, typeCheckTimeoutMs in config.json); simplify the types`;
    case 'bundleTimeoutMs':
      return `bundling stopped after ${exceeded.limitMs} ms (the limit, bundleTimeoutMs in config.json); simplify the code`;
    case 'maxSourceBytes':
      return `fn.ts is ${figure(exceeded.bytes)} bytes; the limit is ${figure(exceeded.maxBytes)} bytes (${Math.floor(exceeded.maxBytes / 1024)} KB); make the function smaller`;
    case 'maxStatements':
      return `fn.ts has ${figure(exceeded.statements)} statements; the limit is ${figure(exceeded.maxStatements)}; make the function smaller`;
  }
}

/** `262144` → `262,144`, whatever the host's locale. */
function figure(value: number): string {
  return value.toLocaleString('en-US');
}

/** The source-size limit, checked before any compiler runs. Undefined when the source fits. */
export function sourceSizeExceeded(source: string, maxBytes: number): LimitExceeded | undefined {
  // Each UTF-16 unit is 1-3 UTF-8 bytes: skip the count when even the worst case fits.
  if (source.length * 3 <= maxBytes) return undefined;
  const bytes = Buffer.byteLength(source, 'utf8');
  return bytes > maxBytes ? { limit: 'maxSourceBytes', bytes, maxBytes } : undefined;
}
