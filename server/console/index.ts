// The review console (`joinery serve` at /) and its background work: review notifications and the
// retention purge.

export type { Console } from './create-console.ts';
export { startConsole, type ConsoleOptions } from './start-console.ts';
export { slackMessage, startReviewNotifier } from './review-notifier.ts';
export { renderVersionPage } from './render-version-page.ts';
export type { ConsoleOidc } from './console-oidc.ts';
