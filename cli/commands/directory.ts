import { extname } from 'node:path';
import { JoineryError } from '../../core/errors.ts';
import { parseDirectoryImport } from '../../core/directory/index.ts';
import type { Command } from '../command.ts';
import { readTextFile } from '../inputs.ts';
import { table } from '../table.ts';

export const directoryCommand: Command = {
  name: 'directory',
  summary: 'Import, list or remove directory users (removed usernames and emails are retired forever)',
  usage: [
    'Usage: joinery directory import <file.json|file.csv> [--format json|csv] [--json]',
    '       joinery directory list [--retired] [--json]',
    '       joinery directory remove <id-or-username> [--json]',
    '',
    'Users: id, username, email, displayName, employeeId, department, status (active|disabled, any case), groups.',
    'CSV needs a header row with at least id and username; fields are separated by "," or ";" (read from the',
    'header), other columns are ignored with a note, and groups are separated by ";" (quote the cell in a',
    '";"-separated file). The file must be UTF-8. Refused, with the line and column: a cell starting with',
    '= + - @ or a tab (a spreadsheet formula), invisible characters in ids, usernames, emails, employee ids',
    'and groups, control or bidi characters in names. An import is all or nothing.',
  ].join('\n'),
  options: { format: { type: 'string' }, retired: { type: 'boolean' } },
  async run({ positionals, values }, context, output) {
    const [action, target] = positionals;
    const directory = context.directory();
    if (action === 'import') {
      if (!target) throw new JoineryError('INVALID_INPUT', 'directory import needs a file');
      const format = typeof values.format === 'string' ? values.format : extname(target).slice(1).toLowerCase();
      if (format !== 'json' && format !== 'csv') throw new JoineryError('INVALID_INPUT', `unknown format "${format}"; use --format json or --format csv`);
      const { users, notes } = parseDirectoryImport(readTextFile(context.cwd, target, 'directory file'), format);
      const counts = directory.importUsers(users);
      for (const note of notes) output.note(`note: ${note}`);
      output.line(`✓ imported ${users.length} users (${counts.added} added, ${counts.updated} updated)`);
      output.result({ ok: true, ...counts, notes });
      return 0;
    }
    if (action === 'list') {
      if (values.retired) {
        const retired = directory.listRetiredUsernames();
        const retiredEmails = directory.listRetiredEmails();
        output.line(retired.length === 0 ? 'No retired usernames.' : `Retired usernames:\n${retired.join('\n')}`);
        output.line(retiredEmails.length === 0 ? 'No retired emails.' : `Retired emails:\n${retiredEmails.join('\n')}`);
        output.result({ ok: true, retiredUsernames: retired, retiredEmails });
        return 0;
      }
      const users = directory.listUsers();
      output.line(users.length === 0 ? 'The directory is empty. Import users with: joinery directory import <file>' : table(['id', 'username', 'email', 'department', 'status'], users.map((u) => [u.id, u.username, u.email, u.department, u.status])));
      output.result({ ok: true, users });
      return 0;
    }
    if (action === 'remove') {
      if (!target) throw new JoineryError('INVALID_INPUT', 'directory remove needs an id or username');
      const removed = directory.removeUser(target);
      if (!removed) throw new JoineryError('NOT_FOUND', `no directory user with id or username "${target}"`);
      const emailNote = removed.email.trim() === '' ? 'the username is' : `the username and ${removed.email} are`;
      output.line(`✓ removed ${removed.username} (${removed.id}); ${emailNote} retired and will never be handed out again`);
      output.result({ ok: true, removed });
      return 0;
    }
    throw new JoineryError('INVALID_INPUT', `unknown action "${action ?? ''}"; use import, list or remove`);
  },
};
