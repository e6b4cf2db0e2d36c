// Warming for long-lived servers (`joinery mcp`): starts the executor processes and then the compiler ahead
// of the first call, so an assistant's first run_function or check_function does not pay for them. Called
// after the server has answered `initialize`, never before: the handshake must not wait for warming.

import { BUNDLE_FOOTER } from '../core/build/index.ts';
import type { Toolchain } from '../core/pipeline/index.ts';

/** A definition as the bundler emits it: describing it makes every executor process start and load isolated-vm. */
const WARM_UP_BUNDLE = `var __fn = { default: { name: 'warm-up', description: 'warm-up', trigger: 'manual', egress: [], secrets: [], run: () => null } };\n${BUNDLE_FOOTER}`;

/**
 * Never throws and never rejects: a toolchain that cannot start reports it on the first real call, with
 * that call's error mapping; here a failure is only logged.
 */
export async function warmToolchain(toolchain: Toolchain, log: (line: string) => void): Promise<void> {
  const failed = (part: string) => (error: unknown) => log(`joinery mcp: warming the ${part} failed: ${error instanceof Error ? error.message : String(error)}`);
  // The executor processes first: forking returns at once and they boot on their own. Then the compiler,
  // whose start holds this thread (TypeScript 7's synchronous API) while those processes boot, rather
  // than after, when a first run_function would be waiting on this thread for its answer.
  const sandbox = toolchain.runner.describe({ bundle: WARM_UP_BUNDLE }).then(() => undefined, failed('sandbox'));
  await new Promise((resolve) => setImmediate(resolve));
  try {
    await toolchain.checker.check('');
  } catch (error) {
    failed('type-checker')(error);
  }
  await sandbox;
}
