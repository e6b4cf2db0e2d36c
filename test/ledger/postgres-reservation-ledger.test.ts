// The Postgres ReservationLedger against the shared contract, each connection its own pool on one database
// (the race in the contract is then a race between connections, as between nodes).

import { createPostgresDirectory } from '../../core/directory/index.ts';
import { createPostgresReservationLedger } from '../../core/ledger/index.ts';
import { describeReservationLedger } from '../contracts/describe-reservation-ledger.ts';
import { openPostgresTestStore } from '../postgres/postgres-test-store.ts';
import { postgresAvailable } from '../postgres/test-database.ts';

describeReservationLedger('postgres', () => {
  const store = openPostgresTestStore();
  return {
    connect: () => createPostgresReservationLedger(store.connect()),
    directory: createPostgresDirectory(store.database.sync),
    close: () => store.close(),
  };
}, { skip: !postgresAvailable() });
