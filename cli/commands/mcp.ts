import { loadTemplates, selectModel } from '../../agent/index.ts';
import { JoineryError } from '../../core/errors.ts';
import { createSqliteReservationLedger } from '../../core/ledger/index.ts';
import type { SqliteDatabase } from '../../core/store/index.ts';
import { createSqliteTokenStore, isRole, ROLES } from '../../core/tokens/index.ts';
import { createSqliteDraftStore, serveHttp, serveStdio, type McpServerDeps } from '../../mcp-server/index.ts';
import type { Command } from '../command.ts';
import type { CliContext } from '../context.ts';
import { writeVisible } from '../output.ts';
import { templatesDir } from '../paths.ts';

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
    'HTTP: every request needs a bearer token (joinery token create); one session per client.',
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
    const db = context.database();
    const deps = serverDeps(context, db, log);
    if (!values.http) {
      const role = typeof values.role === 'string' ? values.role : (context.env.JOINERY_ROLE ?? 'admin');
      if (!isRole(role)) throw new JoineryError('INVALID_INPUT', `--role "${role}" must be one of ${ROLES.join(', ')}`);
      const actor = context.actor(values.as);
      await serveStdio({ ...deps, localPrincipal: { name: actor.name, role, source: actor.source } }, { stdin: context.stdin as typeof process.stdin, stdout: context.stdout, stderr: context.stderr });
      return 0;
    }
    const port = values.port === undefined ? 3000 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new JoineryError('INVALID_INPUT', '--port must be a whole number from 0 to 65535');
    const host = typeof values.host === 'string' ? values.host : '127.0.0.1';
    const allowedHosts = Array.isArray(values['allowed-host']) ? values['allowed-host'].map(String) : undefined;
    const running = await serveHttp({ deps, tokens: createSqliteTokenStore(db), port, host, ...(allowedHosts ? { allowedHosts } : {}) });
    log(`joinery mcp: listening on ${running.url} (bearer tokens: joinery token create --name <name> --role <role>)`);
    await untilStopped();
    await running.close();
    return 0;
  },
};

function serverDeps(context: CliContext, db: SqliteDatabase, log: (line: string) => void): McpServerDeps {
  const templates = loadTemplates(templatesDir());
  return {
    registry: context.registry(),
    directory: context.directory(),
    ledger: createSqliteReservationLedger(db),
    // Opened on first use, so serving never creates a secret key or spawns a sandbox by itself.
    secrets: {
      get: (name) => context.secrets().get(name),
      set: (name, value) => context.secrets().set(name, value),
      list: () => context.secrets().list(),
      delete: (name) => context.secrets().delete(name),
    },
    toolchain: {
      get checker() { return context.toolchain().checker; },
      get runner() { return context.toolchain().runner; },
      get allowedPackages() { return context.toolchain().allowedPackages; },
      get limits() { return context.toolchain().limits; },
      get checkLimits() { return context.toolchain().checkLimits; },
    },
    // Drafts live in the same file as the registry, behind the same handle.
    drafts: createSqliteDraftStore(db),
    fetchFor: context.fetchFor,
    createModel: () => selectModel({ env: context.env, templates }),
    templates,
    log,
  };
}

function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
