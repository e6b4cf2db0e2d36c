import { JoineryError } from '../../core/errors.ts';
import type { Command } from '../command.ts';
import { readAll } from '../inputs.ts';
import { table } from '../table.ts';

const NAME = /^[A-Z][A-Z0-9_]{0,63}$/;

export const secretCommand: Command = {
  name: 'secret',
  summary: 'Set, list or delete secrets (encrypted at rest; values only from stdin)',
  usage: [
    'Usage: joinery secret set <NAME>        (the value is read from standard input, never from arguments)',
    '       joinery secret list [--json]',
    '       joinery secret delete <NAME>',
    '',
    'Values are encrypted with AES-256-GCM; the key comes from JOINERY_SECRET_KEY (64 hex characters) or',
    'from <JOINERY_HOME>/secret.key, created with mode 0600 on first use.',
    'Example: printf %s "$TOKEN" | joinery secret set GRAPH_TOKEN',
  ].join('\n'),
  options: {},
  async run({ positionals, values }, context, output) {
    const [action, name, ...extra] = positionals;
    if (extra.length > 0) throw new JoineryError('INVALID_INPUT', 'secret values are read from standard input, never from arguments');
    const store = context.secrets();
    if (action === 'list') {
      const secrets = store.list();
      output.line(secrets.length === 0 ? 'No secrets set.' : table(['name', 'updated'], secrets.map((s) => [s.name, s.updatedAt])));
      output.result({ ok: true, secrets });
      return 0;
    }
    if (action !== 'set' && action !== 'delete') throw new JoineryError('INVALID_INPUT', `unknown action "${action ?? ''}"; use set, list or delete`);
    if (!name || !NAME.test(name)) throw new JoineryError('INVALID_INPUT', `secret name "${name ?? ''}" must match ${NAME.source}`);
    if (action === 'delete') {
      if (!store.delete(name)) throw new JoineryError('NOT_FOUND', `no secret named ${name}`);
      context.registry().recordAudit({ actor: context.actor().name, action: 'secret.delete', target: name, allowed: true });
      output.line(`✓ deleted ${name}`);
      output.result({ ok: true, name, deleted: true });
      return 0;
    }
    if ((context.stdin as { isTTY?: boolean }).isTTY) output.note(`Type the value of ${name}, then press Ctrl-D:`);
    const value = (await readAll(context.stdin, 64 * 1024)).replace(/\r?\n$/, '');
    if (!value) throw new JoineryError('INVALID_INPUT', `no value on standard input for ${name}`);
    store.set(name, value);
    context.registry().recordAudit({ actor: context.actor().name, action: 'secret.set', target: name, allowed: true });
    output.line(`✓ set ${name} (${value.length} characters)`);
    output.result({ ok: true, name, set: true });
    return 0;
  },
};
