// Estimated prices in US dollars per million tokens. Estimates only: the bill is Anthropic's. Unknown
// models are priced as the default Sonnet so a budget still bites.

import type { TokenUsage } from './types.ts';

export const DEFAULT_MODEL = 'claude-sonnet-5-5';

interface Price {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
}

const SONNET_5: Price = { input: 2, output: 10, cacheRead: 0.2, cacheWrite: 2.5 };
const SONNET_4: Price = { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 };
const HAIKU_4_5: Price = { input: 1, output: 5, cacheRead: 0.1, cacheWrite: 1.25 };

const PRICES: Array<[RegExp, Price]> = [
  [/^claude-sonnet-5/, SONNET_5],
  [/^claude-sonnet-4/, SONNET_4],
  [/^claude-haiku-4-5/, HAIKU_4_5],
];

export function priceOf(model: string): Price {
  return PRICES.find(([pattern]) => pattern.test(model))?.[1] ?? SONNET_5;
}

export function estimateCostUsd(model: string, usage: TokenUsage): number {
  const price = priceOf(model);
  return (
    (usage.inputTokens * price.input +
      usage.outputTokens * price.output +
      usage.cacheReadTokens * price.cacheRead +
      usage.cacheWriteTokens * price.cacheWrite) /
    1_000_000
  );
}

/** Self-hosted and gateway models have no price we know: their cost is shown as "n/a", never as $0. */
export function isCostKnown(provider: string): boolean {
  return provider !== 'openai-compatible';
}

export function formatCostUsd(costUsd: number, provider: string): string {
  return isCostKnown(provider) ? `$${costUsd.toFixed(4)}` : 'n/a';
}
