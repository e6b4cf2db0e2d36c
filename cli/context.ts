// The composition root of the CLI: the only place that constructs SQLite, isolated-vm, the type-checker
// and the egress client. Everything is opened lazily, so `joinery check` never touches the database, and
// the toolchain's modules (TypeScript, esbuild, the executor) load only when a command asks for it.

import { join, resolve } from 'node:path';
import type { TypeChecker } from '../core/build/index.ts';
import { JoineryError } from '../core/errors.ts';
import type { DirectoryStore } from '../core/directory/types.ts';
import type { Toolchain } from '../core/pipeline/index.ts';
import type { Registry } from '../core/registry/types.ts';
import { loadSecretKey } from '../core/secrets/index.ts';
import type { SecretStore } from '../core/secrets/types.ts';
import { closeDatabase, ensurePrivateDirectory, openDatabase, permissionWarning, type SqliteDatabase } from '../core/store/index.ts';
import type { SandboxRunner } from '../core/execution/types.ts';
import { createDryRunFetch, createEgressFetch } from '../sandbox/egress/index.ts';
import type { FetchPort } from '../core/runtime/index.ts';
import { resolveActor, type Actor } from './actor.ts';
import { loadConfig, type JoineryConfig } from './config.ts';
import { writeVisible } from './output.ts';
import { openStores, type StorePorts } from './stores.ts';

export interface CliContext {
  home: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  config(): JoineryConfig;
  /** The one handle on <home>/joinery.db for this command (home created 0700, the file 0600). */
  database(): SqliteDatabase;
  /** The store ports: Postgres when JOINERY_DATABASE_URL is set, else database() (see stores.ts). */
  stores(): StorePorts;
  registry(): Registry;
  directory(): DirectoryStore;
  secrets(): SecretStore;
  /** Loads the type-checker and sandbox modules on first call; the compiler and the executor processes
   *  themselves start on first use (or when `joinery mcp` warms them). */
  toolchain(): Promise<Toolchain>;
  /** A live egress client bound to a version's declared hosts, or a recorder for --dry-run. */
  fetchFor(egress: string[], dryRun: boolean): FetchPort;
  /** Executor child processes for this command when config.json sets none (default: one per core, at
   *  most 8; see defaultExecutorProcesses). */
  executorProcesses: number | undefined;
  /** Who is acting: JOINERY_USER, else the OS user; `--as` (the option's value) only when it names the
   *  same person, or under the config's localTrust (see actor.ts). */
  actor(asFlag?: unknown): Actor;
  close(): Promise<void>;
}

export function createCliContext({
  cwd = process.cwd(),
  env = process.env,
  stdin = process.stdin,
  stdout = process.stdout,
  stderr = process.stderr,
}: Partial<Pick<CliContext, 'cwd' | 'env' | 'stdin' | 'stdout' | 'stderr'>> = {}): CliContext {
  const home = resolve(cwd, env.JOINERY_HOME ?? '.joinery');
  const once = <T>(make: () => T): (() => T) => {
    let value: T | undefined;
    return () => (value ??= make());
  };
  const config = once(() => loadConfig(home));
  const warned = new Set<string>();
  const warn = (message: string) => {
    if (!warned.has(message)) writeVisible(stderr, `warning: ${message}\n`);
    warned.add(message);
  };
  let opened: SqliteDatabase | undefined;
  const database = once(() => {
    ensurePrivateDirectory(home);
    const homeWarning = permissionWarning(home);
    if (homeWarning !== undefined) warn(homeWarning);
    return (opened = openDatabase(join(home, 'joinery.db'), { warn }));
  });
  let openedStores: ReturnType<typeof openStores> | undefined;
  const secretKey = () => loadSecretKey({ env, keyFile: join(home, 'secret.key') });
  const stores = once(() => (openedStores = openStores({ env, sqlite: database, secretKey, retry: () => config().retry })));
  let checker: TypeChecker | undefined;
  let runner: SandboxRunner | undefined;
  const toolchain = once(async (): Promise<Toolchain> => {
    const [{ createTypeChecker }, { createExecutor, defaultExecutorProcesses }] = await Promise.all([import('../core/build/index.ts'), import('../sandbox/index.ts')]);
    const { typeCheckTimeoutMs, bundleTimeoutMs } = config();
    const checkLimits = { ...(typeCheckTimeoutMs === undefined ? {} : { typeCheckTimeoutMs }), ...(bundleTimeoutMs === undefined ? {} : { bundleTimeoutMs }) };
    checker = lazyTypeChecker(() => createTypeChecker({ allowedPackages: config().allowedPackages, limits: checkLimits }));
    runner = createExecutor({ limits: config().limits, concurrency: config().executorProcesses ?? context.executorProcesses ?? defaultExecutorProcesses() });
    return { checker, runner, allowedPackages: config().allowedPackages, limits: config().limits, checkLimits };
  });

  const context: CliContext = {
    executorProcesses: undefined,
    home,
    cwd,
    env,
    stdin,
    stdout,
    stderr,
    config,
    database,
    stores: () => stores().ports,
    registry: () => stores().ports.registry(),
    directory: () => stores().ports.directory(),
    secrets: () => stores().ports.secrets(),
    toolchain,
    fetchFor: (egress, dryRun) => {
      if (dryRun) return createDryRunFetch({ allowedHosts: egress, allowHttp: config().egress.allowHttp }).fetch;
      return createEgressFetch({ allowedHosts: egress, ...config().egress });
    },
    actor: (asFlag) => resolveActor(asFlag, { env, localTrust: () => config().localTrust }),
    close: async () => {
      await checker?.close();
      await runner?.close();
      await openedStores?.close();
      if (opened) closeDatabase(opened);
    },
  };
  return context;
}

/** Starts the compiler on the first check, not when the toolchain is assembled; never after close. */
function lazyTypeChecker(create: () => TypeChecker): TypeChecker {
  let checker: TypeChecker | undefined;
  let closed = false;
  return {
    check: (source) => {
      if (closed) return Promise.reject(new JoineryError('INTERNAL', 'the type-checker is closed'));
      return (checker ??= create()).check(source);
    },
    close: async () => {
      closed = true;
      await checker?.close();
    },
  };
}
