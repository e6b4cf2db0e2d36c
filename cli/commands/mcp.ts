import { loadTemplates } from '../../agent/templates/index.ts';
import { JoineryError } from '../../core/errors.ts';
import type { Toolchain } from '../../core/pipeline/index.ts';
import type { StorePorts } from '../stores.ts';
import { isRole, ROLES } from '../../core/tokens/index.ts';
import { createPostgresDraftStore, createSqliteDraftStore, serveHttp, serveStdio, type McpServerDeps } from '../../mcp-server/index.ts';
import type { Command } from '../command.ts';
import type { CliContext } from '../context.ts';
import { writeVisible } from '../output.ts';
import { prepareWarmUp } from '../warm-toolchain.ts';
import { templatesDir } from '../paths.ts';
import { untilSignalled } from '../until-signalled.ts';

export const mcpCommand: Command = {
  name: 'mcp',
  summary: 'Serve the MCP server: stdio for a local assistant, or Streamable HTTP with bearer tokens',
  usage: [
    'Usage: joinery mcp [--as <who>] [--role <role>]',
    '       joinery mcp --http [--port <n>] [--host <address>] [--allowed-host <name>]...',
    '',
    'stdio (the default): standard output carries only the protocol; logs go to standard error.',
    '  --as <who>          the principal: you (JOINERY_USER or the OS user), or anyone under localTrust',
    `  --role <role>       ${ROLES.join(', ')} (default: JOINERY_ROLE or admin, who may do everything;`,
    '                      four eyes still applies: nobody approves what they authored or requested)',
    'HTTP: every request needs a bearer token (joinery token create), or, with "oidc" in config.json, an access',
    '  token from your identity provider (clients discover it from the 401 challenge); one session per client.',
    '  --port <n>          default 3000; 0 picks a free port (the URL is printed on standard error)',
    '  --host <address>    default 127.0.0.1; any other than a loopback address needs --allowed-host',
    '  --allowed-host <n>  a host name clients use (repeatable): the Host header must be one (DNS rebinding);',
    '                      default on loopback: localhost, 127.0.0.1, [::1]',
    'A browser request whose Origin is neither loopback nor an allowed host is refused with 403.',
    '',
    'Claude Desktop / Claude Code: { "command": "npx", "args": ["joinery", "mcp"], "env": { "JOINERY_HOME": "..." } }',
  ].join('\n'),
  options: {
    as: { type: 'string' },
    role: { type: 'string' },
    http: { type: 'boolean' },
    port: { type: 'string' },
    host: { type: 'string' },
    'allowed-host': { type: 'string', multiple: true },
  },
  async run({ values }, context) {
    const log = (line: string) => writeVisible(context.stderr, `${line}\n`);
    const stores = context.stores();
    // Start order: the toolchain's modules are loaded (nothing started), the server answers `initialize`,
    // then the executor processes and the compiler warm up while the client lists tools.
    const warmUp = prepareWarmUp(await context.toolchain(), log);
    const deps = serverDeps(context, stores, warmUp.toolchain, log);
    let warming: Promise<void> | undefined;
    const warm = () => void (warming ??= warmUp.warm());
    if (!values.http) {
      const role = typeof values.role === 'string' ? values.role : (context.env.JOINERY_ROLE ?? 'admin');
      if (!isRole(role)) throw new JoineryError('INVALID_INPUT', `--role "${role}" must be one of ${ROLES.join(', ')}`);
      const actor = context.actor(values.as);
      const streams = { stdin: context.stdin as typeof process.stdin, stdout: context.stdout, stderr: context.stderr, onInitialized: warm };
      await serveStdio({ ...deps, localPrincipal: { name: actor.name, role, source: actor.source } }, streams);
      await warming; // a client gone within the warm-up: let it finish, then close what it started
      return 0;
    }
    const port = values.port === undefined ? 3000 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new JoineryError('INVALID_INPUT', '--port must be a whole number from 0 to 65535');
    const host = typeof values.host === 'string' ? values.host : '127.0.0.1';
    const allowedHosts = Array.isArray(values['allowed-host']) ? values['allowed-host'].map(String) : undefined;
    const { oidc } = context.config();
    const running = await serveHttp({ deps, tokens: stores.tokens(), port, host, ...(allowedHosts ? { allowedHosts } : {}), ...(oidc ? { oidc } : {}) });
    const signIn = oidc ? `, or sign-in with ${oidc.issuer}` : '';
    log(`joinery mcp: listening on ${running.url} (bearer tokens: joinery token create --name <name> --role <role>${signIn})`);
    warm();
    await untilSignalled();
    await warming;
    await running.close();
    return 0;
  },
};

function serverDeps(context: CliContext, stores: StorePorts, toolchain: Toolchain, log: (line: string) => void): McpServerDeps {
  const templates = loadTemplates(templatesDir());
  return {
    registry: context.registry(),
    directory: context.directory(),
    ledger: stores.ledger(),
    // The queue and quarantines `joinery serve` keeps in the same file: replay_event and resume_function.
    events: stores.queue(),
    guards: stores.guards(),
    // Opened on first use, so serving never creates a secret key or spawns a sandbox by itself.
    secrets: {
      get: (name) => context.secrets().get(name),
      set: (name, value) => context.secrets().set(name, value),
      list: () => context.secrets().list(),
      delete: (name) => context.secrets().delete(name),
    },
    toolchain,
    // Drafts live in the same file as the registry, behind the same handle.
    drafts: draftStore(stores),
    flows: stores.flows(),
    fetchFor: context.fetchFor,
    // The author (half a megabyte of offline author) loads on the first author_function, not at start.
    createModel: async () => (await import('../../agent/index.ts')).selectModel({ env: context.env, templates }),
    templates,
    log,
  };
}

function draftStore(stores: StorePorts) {
  const connection = stores.connection();
  return 'sqlite' in connection ? createSqliteDraftStore(connection.sqlite) : createPostgresDraftStore(connection.postgres.sync);
}
