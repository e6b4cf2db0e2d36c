// The lifecycle runtime's stores, for the event and quarantine tools. A server built without them (an
// embedding that runs no `joinery serve`) still lists those tools, since tools/list is built once for
// every server; a call then answers NOT_FOUND naming what is missing.

import { JoineryError } from '../../core/errors.ts';
import type { EventQueue } from '../../core/events/index.ts';
import type { GuardStore } from '../../core/guards/index.ts';
import type { McpServerDeps } from '../deps.ts';

export function eventQueueOf(deps: McpServerDeps): EventQueue {
  if (!deps.events) throw new JoineryError('NOT_FOUND', 'this server has no event queue configured (joinery serve keeps one)');
  return deps.events;
}

export function guardStoreOf(deps: McpServerDeps): GuardStore {
  if (!deps.guards) throw new JoineryError('NOT_FOUND', 'this server has no quarantine store configured (joinery serve keeps one)');
  return deps.guards;
}

/** Event ids as clients pass them back. */
export const EVENT_ID_LENGTH = 200;
