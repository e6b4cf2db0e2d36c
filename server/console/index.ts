// The review console (`joinery serve` at /) and its background work: review notifications and the
// retention purge.

export { createConsole, type Console } from './create-console.ts';
export type { BehaviourSettings, ConsoleDeps } from './console-deps.ts';
export { startConsole, type ConsoleOptions } from './start-console.ts';
export { slackMessage, startReviewNotifier, type ReviewNotifierOptions } from './review-notifier.ts';
export { renderVersionPage } from './render-version-page.ts';
