import { JoineryError } from '../../core/errors.ts';
import { isTokenRole, parseDuration, TOKEN_ROLES } from '../../core/tokens/index.ts';
import type { Command } from '../command.ts';
import { requireString } from '../inputs.ts';
import { table } from '../table.ts';

const DEFAULT_LIFETIME = '90d';

export const tokenCommand: Command = {
  name: 'token',
  summary: 'Create, list or revoke bearer tokens for the MCP server over HTTP',
  usage: [
    'Usage: joinery token create --name <name> --role author|reviewer|operator|auditor|source [--expires <duration>] [--json]',
    '       joinery token list [--json]',
    '       joinery token revoke <name> [--json]',
    '',
    `  --name <name>        the principal the token acts as (audit trail, four eyes); one live token per name`,
    '  --role <role>        auditor reads; author drafts and publishes; reviewer reviews and activates;',
    '                       operator runs and activates (see mcp-server/README.md); source only submits',
    '                       events to joinery serve (an HR system, a scheduler)',
    `  --expires <d>        lifetime: 90m, 12h, 30d, 8w (default ${DEFAULT_LIFETIME}, at most 3650d)`,
    '',
    'The token is printed once, at creation; only its SHA-256 is stored. Give each person their own name:',
    'a version cannot be approved by the name that authored or requested it.',
  ].join('\n'),
  options: { name: { type: 'string' }, role: { type: 'string' }, expires: { type: 'string' } },
  async run({ positionals, values }, context, output) {
    const [action, target, ...extra] = positionals;
    if (extra.length > 0) throw new JoineryError('INVALID_INPUT', `unexpected arguments: ${extra.join(' ')}`);
    const tokens = context.stores().tokens();
    if (action === 'list') {
      const now = Date.now();
      const records = tokens.list();
      const state = (record: (typeof records)[number]) => (record.revokedAt ? 'revoked' : Date.parse(record.expiresAt) <= now ? 'expired' : 'live');
      output.line(records.length === 0 ? 'No tokens yet. Create one: joinery token create --name <name> --role <role>' : table(['name', 'role', 'state', 'id', 'created', 'expires'], records.map((record) => [record.name, record.role, state(record), record.id, record.createdAt, record.expiresAt])));
      output.result({ ok: true, tokens: records.map((record) => ({ ...record, state: state(record) })) });
      return 0;
    }
    if (action === 'revoke') {
      const name = target ?? requireString(values.name, 'the token name (joinery token revoke <name>)');
      const record = tokens.revoke(name);
      context.registry().recordAudit({ actor: context.actor().name, action: 'token.revoke', target: name, allowed: true, detail: { id: record.id } });
      output.line(`✓ revoked the token of ${name} (${record.id})`);
      output.result({ ok: true, token: record });
      return 0;
    }
    if (action !== 'create') throw new JoineryError('INVALID_INPUT', `unknown action "${action ?? ''}"; use create, list or revoke`);
    const name = requireString(values.name, '--name <name>');
    const role = requireString(values.role, '--role author|reviewer|operator|auditor|source');
    if (!isTokenRole(role)) throw new JoineryError('INVALID_INPUT', `--role "${role}" must be one of ${TOKEN_ROLES.join(', ')}`);
    const lifetimeMs = parseDuration(typeof values.expires === 'string' ? values.expires : DEFAULT_LIFETIME);
    const { token, record } = tokens.create({ name, role, lifetimeMs });
    context.registry().recordAudit({ actor: context.actor().name, action: 'token.create', target: name, allowed: true, detail: { id: record.id, role, expiresAt: record.expiresAt } });
    output.line(`✓ token for ${name} (role ${role}), expires ${record.expiresAt}:\n\n  ${token}\n\nIt is shown this once; only its hash is stored. Send it as: Authorization: Bearer <token>`);
    output.result({ ok: true, token, record });
    return 0;
  },
};
