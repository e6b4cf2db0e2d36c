import { join } from 'node:path';
import { loadTemplates, selectModel } from '../../agent/index.ts';
import { JoineryError } from '../../core/errors.ts';
import type { Toolchain } from '../../core/pipeline/index.ts';
import { closeDatabase, openDatabase } from '../../core/store/index.ts';
import { createSqliteTokenStore, isRole, ROLES } from '../../core/tokens/index.ts';
import { createSqliteDraftStore, serveHttp, serveStdio, type McpServerDeps } from '../../mcp-server/index.ts';
import type { Command } from '../command.ts';
import type { CliContext } from '../context.ts';
import { templatesDir } from '../paths.ts';
import { prepareWarmUp } from '../warm-toolchain.ts';

export const mcpCommand: Command = {
  name: 'mcp',
  summary: 'Serve the MCP server: stdio for a local assistant, or Streamable HTTP with bearer tokens',
  usage: [
    'Usage: joinery mcp [--as <who>] [--role <role>]',
    '       joinery mcp --http [--port <n>] [--host <address>] [--allowed-host <name>]...',
    '',
    'stdio (the default): standard output carries only the protocol; logs go to standard error.',
    '  --as <who>          the principal (default: JOINERY_USER or the OS user)',
    `  --role <role>       ${ROLES.join(', ')} (default: JOINERY_ROLE or admin, who may do everything;`,
    '                      four eyes still applies: nobody approves what they authored or requested)',
    'HTTP: every request needs a bearer token (joinery token create); one session per client.',
    '  --port <n>          default 3000; 0 picks a free port (the URL is printed on standard error)',
    '  --host <address>    default 127.0.0.1; loopback hosts get the Host-header check (DNS rebinding)',
    '  --allowed-host <n>  a Host header name to accept (repeatable); needed when listening beyond loopback',
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
    const log = (line: string) => void context.stderr.write(`${line}\n`);
    const db = openDatabase(join(context.home, 'joinery.db'));
    try {
      // Start order: the toolchain's modules are loaded (nothing started), the server answers `initialize`,
      // then the executor processes and the compiler warm up while the client lists tools.
      const warmUp = prepareWarmUp(await context.toolchain(), log);
      const deps = serverDeps(context, db, warmUp.toolchain, log);
      let warming: Promise<void> | undefined;
      const warm = () => void (warming ??= warmUp.warm());
      if (!values.http) {
        const role = typeof values.role === 'string' ? values.role : (context.env.JOINERY_ROLE ?? 'admin');
        if (!isRole(role)) throw new JoineryError('INVALID_INPUT', `--role "${role}" must be one of ${ROLES.join(', ')}`);
        const name = typeof values.as === 'string' ? values.as : context.defaultActor();
        await serveStdio({ ...deps, localPrincipal: { name, role } }, { stdin: context.stdin as typeof process.stdin, stdout: context.stdout, stderr: context.stderr, onInitialized: warm });
        await warming; // a client gone within the warm-up: let it finish, then close what it started
        return 0;
      }
      const port = values.port === undefined ? 3000 : Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new JoineryError('INVALID_INPUT', '--port must be a whole number from 0 to 65535');
      const host = typeof values.host === 'string' ? values.host : '127.0.0.1';
      const allowedHosts = Array.isArray(values['allowed-host']) ? values['allowed-host'].map(String) : undefined;
      const running = await serveHttp({ deps, tokens: createSqliteTokenStore(db), port, host, ...(allowedHosts ? { allowedHosts } : {}) });
      log(`joinery mcp: listening on ${running.url} (bearer tokens: joinery token create --name <name> --role <role>)`);
      warm();
      await untilStopped();
      await warming;
      await running.close();
      return 0;
    } finally {
      closeDatabase(db);
    }
  },
};

function serverDeps(context: CliContext, db: ReturnType<typeof openDatabase>, toolchain: Toolchain, log: (line: string) => void): McpServerDeps {
  const templates = loadTemplates(templatesDir());
  return {
    registry: context.registry(),
    directory: context.directory(),
    // Opened on first use, so serving never creates a secret key or spawns a sandbox by itself.
    secrets: {
      get: (name) => context.secrets().get(name),
      set: (name, value) => context.secrets().set(name, value),
      list: () => context.secrets().list(),
      delete: (name) => context.secrets().delete(name),
    },
    toolchain,
    // Drafts live in the same file as the registry; this command's own handle reaches them.
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
