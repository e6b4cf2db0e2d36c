// The Postgres EventQueue against the shared contract, each connection its own pool on one database.

import { createPostgresEventQueue } from '../../core/events/index.ts';
import { describeEventQueue } from '../contracts/describe-event-queue.ts';
import { openPostgresTestStore } from '../postgres/postgres-test-store.ts';
import { postgresAvailable } from '../postgres/test-database.ts';

describeEventQueue('postgres', ({ retry, now, random }) => {
  const store = openPostgresTestStore();
  return {
    connect: () => createPostgresEventQueue(store.connect(), { retry, _internal: { now, random } }),
    close: () => store.close(),
  };
}, { skip: !postgresAvailable() });
