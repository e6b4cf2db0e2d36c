// The command table: names and one-line summaries for `joinery --help`, and each command's module, imported
// only when that command runs, so `joinery --help`, `--version` or `list` never load what `mcp` or
// `author` need (the MCP SDK, the Anthropic SDK, TypeScript, isolated-vm). test/cli/command-table.test.ts
// checks every summary against its module.

import type { Command } from '../command.ts';

export interface CommandEntry {
  name: string;
  /** One line for the command list. */
  summary: string;
  load(): Promise<Command>;
}

/** In the order `joinery --help` lists them: set-up, the authoring loop, then review, then operations. */
export const COMMANDS: CommandEntry[] = [
  { name: 'init', summary: 'Set up a functions folder for editors: tsconfig.json and the SDK declarations', load: async () => (await import('./init.ts')).initCommand },
  { name: 'author', summary: 'Turn a plain-language rule into a tested function (offline author, or Claude with a key)', load: async () => (await import('./author.ts')).authorCommand },
  { name: 'chat', summary: 'Author a function interactively: a rule, questions, follow-ups, diffs, tests, /undo, /publish', load: async () => (await import('./chat.ts')).chatCommand },
  { name: 'check', summary: 'Type-check and bundle a function, and validate what it declares', load: async () => (await import('./check.ts')).checkCommand },
  { name: 'test', summary: 'Check a function and run its fixtures in the sandbox', load: async () => (await import('./test.ts')).testCommand },
  { name: 'publish', summary: 'Publish a function as a new immutable version, pending review', load: async () => (await import('./publish.ts')).publishCommand },
  { name: 'review', summary: 'Approve or reject a pending version (four eyes: not your own)', load: async () => (await import('./review.ts')).reviewCommand },
  { name: 'activate', summary: 'Point a function at an approved version (rollback)', load: async () => (await import('./activate.ts')).activateCommand },
  { name: 'list', summary: 'List the functions in the registry', load: async () => (await import('./list.ts')).listCommand },
  { name: 'versions', summary: 'List the versions of a function with status, author and reviewer gate', load: async () => (await import('./versions.ts')).versionsCommand },
  { name: 'show', summary: 'Show a version: manifest, status, reviews, provenance, spec and source', load: async () => (await import('./show.ts')).showCommand },
  { name: 'diff', summary: 'Diff two versions: source, and the egress hosts and secrets added or removed', load: async () => (await import('./diff.ts')).diffCommand },
  { name: 'run', summary: 'Run the active approved version (or a named approved one) on an event', load: async () => (await import('./run.ts')).runCommand },
  { name: 'logs', summary: 'Show the execution log of a function (secrets redacted)', load: async () => (await import('./logs.ts')).logsCommand },
  { name: 'secret', summary: 'Set, list or delete secrets (encrypted at rest; values only from stdin)', load: async () => (await import('./secret.ts')).secretCommand },
  { name: 'directory', summary: 'Import, list or remove directory users (removed usernames and emails are retired forever)', load: async () => (await import('./directory.ts')).directoryCommand },
  { name: 'eval', summary: 'Score the author on requirements with hidden fixtures, against the committed baseline', load: async () => (await import('./eval.ts')).evalCommand },
  { name: 'mcp', summary: 'Serve the MCP server: stdio for a local assistant, or Streamable HTTP with bearer tokens', load: async () => (await import('./mcp.ts')).mcpCommand },
  { name: 'token', summary: 'Create, list or revoke bearer tokens for the MCP server over HTTP', load: async () => (await import('./token.ts')).tokenCommand },
  { name: 'serve', summary: 'Run the lifecycle runtime: the events API, workers and metrics, until SIGTERM', load: async () => (await import('./serve.ts')).serveCommand },
  { name: 'events', summary: 'List, show and replay the lifecycle events joinery serve has queued', load: async () => (await import('./events.ts')).eventsCommand },
  { name: 'flow', summary: 'Publish, review, list and show flows: ordered, reviewed lists of functions for one trigger', load: async () => (await import('./flow.ts')).flowCommand },
  { name: 'resume', summary: 'Lift a quarantined function or flow and replay the events held for it', load: async () => (await import('./resume.ts')).resumeCommand },
  {
    name: 'audit',
    summary: 'Export the audit trail (CSV or JSON lines), or purge execution payloads past retention',
    load: async () => (await import('./audit.ts')).auditCommand,
  },
  { name: 'schedule', summary: 'Cron triggers: fire a function or flow on a schedule while joinery serve runs', load: async () => (await import('./schedule.ts')).scheduleCommand },
  {
    name: 'migrate-store',
    summary: 'Copy this SQLite home into an empty PostgreSQL database (versions, reviews, secrets still sealed)',
    load: async () => (await import('./migrate-store.ts')).migrateStoreCommand,
  },
];
