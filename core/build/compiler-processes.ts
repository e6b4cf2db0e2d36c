// The compiler processes a worker reported, by pid, and every one still running when this process exits
// is killed then: a compiler busy with a hostile check would otherwise run on, alone, until it finished.
// A pid leaves the set when its worker reports it reaped, so a pid reused since is never signalled.

const live = new Set<number>();
let exitHookInstalled = false;

export interface CompilerSet {
  add(pid: number): void;
  delete(pid: number): void;
  /** SIGKILL to each; they stay listed until their worker reports them reaped. */
  killAll(): void;
}

export function createCompilerSet(): CompilerSet {
  installExitHook();
  const pids = new Set<number>();
  return {
    add(pid) {
      pids.add(pid);
      live.add(pid);
    },
    delete(pid) {
      pids.delete(pid);
      live.delete(pid);
    },
    killAll() {
      pids.forEach(kill);
    },
  };
}

function kill(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => live.forEach(kill));
}
