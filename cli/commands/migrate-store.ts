import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { JoineryError } from '../../core/errors.ts';
import { copySqliteToPostgres, openSyncConnection, type CopyProgress, type StoreCopyReport } from '../../core/postgres/index.ts';
import type { Command } from '../command.ts';
import type { Output } from '../output.ts';
import { table } from '../table.ts';

export const migrateStoreCommand: Command = {
  name: 'migrate-store',
  summary: 'Copy this SQLite home into an empty PostgreSQL database (versions, reviews, secrets still sealed)',
  usage: [
    'Usage: joinery migrate-store --to <postgres://user:password@host:port/database> [--dry-run] [--json]',
    '',
    'Copies <JOINERY_HOME>/joinery.db (the SQLite home; JOINERY_DATABASE_URL is not read) into the database',
    'named by --to: functions, versions with their numbers, digests and reviews, active versions, drafts, the',
    'directory, secrets (the ciphertext as is: never decrypted), tokens, executions, the audit trail, flows,',
    'schedules, the event queue and the username ledger.',
    '',
    '  --to       the target; its Joinery schema is created or brought up to date first, and it must hold',
    '             no Joinery data (migrate-store refuses otherwise, naming the tables that have rows)',
    '  --dry-run  count what would be copied and check the target; write nothing',
    '',
    'The copy is one transaction: on any failure nothing is left in the target. Afterwards the row count of',
    'every table is compared (SQLite against Postgres) and printed. Stop joinery serve before migrating.',
    'Secrets stay sealed under this home\'s key: give every node the same key (copy <JOINERY_HOME>/secret.key',
    'or set JOINERY_SECRET_KEY), then set JOINERY_DATABASE_URL to the --to URL.',
  ].join('\n'),
  options: {
    to: { type: 'string' },
    'dry-run': { type: 'boolean' },
  },
  async run({ positionals, values }, context, output) {
    if (positionals.length > 0) throw new JoineryError('INVALID_INPUT', `unexpected arguments: ${positionals.join(' ')}`);
    const url = values.to;
    if (typeof url !== 'string' || !/^postgres(ql)?:\/\//.test(url)) {
      throw new JoineryError('INVALID_INPUT', '--to must be a postgres:// URL (see joinery migrate-store --help)');
    }
    const file = join(context.home, 'joinery.db');
    if (!existsSync(file)) throw new JoineryError('NOT_FOUND', `there is no SQLite home to copy: ${file} does not exist (set JOINERY_HOME)`);
    const dryRun = values['dry-run'] === true;
    const target = openSyncConnection({ connectionString: url, applicationName: 'joinery-migrate-store', statementTimeoutMs: 600_000 });
    try {
      const report = copySqliteToPostgres({
        source: context.database(),
        target,
        dryRun,
        onProgress: tenthsOnStderr(output),
      });
      printReport(report, redacted(url), output);
      return 0;
    } finally {
      target.close();
    }
  },
};

/** A large table's progress on stderr, a line per tenth. */
function tenthsOnStderr(output: Output): (progress: CopyProgress) => void {
  let last = '';
  return ({ table: name, copied, total }) => {
    const tenth = `${name}:${Math.floor((copied * 10) / total)}`;
    if (tenth !== last) output.note(`  copying ${name}: ${copied} of ${total} rows`);
    last = tenth;
  };
}

function printReport(report: StoreCopyReport, target: string, output: Output): void {
  const rows = report.tables.map(({ table: name, source, target: copied }) =>
    report.dryRun ? [name, String(source), '-', 'would copy'] : [name, String(source), String(copied), '✓']);
  output.line(table(['table', 'sqlite', 'postgres', ''], rows));
  for (const { table: name, reason } of report.skipped) output.line(`not copied: ${name} (${reason})`, 'quiet');
  const total = report.tables.reduce((sum, { source }) => sum + source, 0);
  if (report.dryRun) output.line(`Dry run: would copy ${total} rows into ${target}; nothing was written.`);
  else output.line(`✓ copied ${total} rows into ${target}; every table's count matches. Next: JOINERY_DATABASE_URL and this home's key on every node.`, 'good');
  output.result({ ok: true, dryRun: report.dryRun, target, tables: report.tables, skipped: report.skipped });
}

/** The URL as printed: without its password. */
function redacted(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the target database';
  }
}
