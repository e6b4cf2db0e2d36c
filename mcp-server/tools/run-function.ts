import * as z from 'zod';
import { runFunction as run } from '../../core/pipeline/index.ts';
import { functionName, versionNumber } from './schemas.ts';
import { defineTool } from './tool.ts';
import { executionSchema, executionView } from './views.ts';

export const runFunction = defineTool({
  name: 'run_function',
  title: 'Run a function',
  description:
    'Runs the active approved version of a function (or a named approved version) on a lifecycle event, in the sandbox, and logs ' +
    'the run (secrets redacted). Outgoing HTTP goes only to the hosts the version declares; with dry_run=true the calls are recorded ' +
    'and answered 202 {"dryRun":true} instead of sent. A function that throws or times out is a normal result with returned=false.',
  input: {
    name: functionName,
    input: z.record(z.string(), z.unknown()).describe('the lifecycle event (see joinery://docs/contract.md), e.g. { "type": "user.joined", "id": "evt-1", "occurredAt": "...", "person": { ... } }'),
    version: versionNumber.optional().describe('an approved version; default: the active one'),
    dry_run: z.boolean().default(false).describe('record outgoing HTTP calls instead of sending them'),
  },
  output: { returned: z.boolean().describe('true when the function returned a value'), execution: executionSchema },
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  roles: ['operator'],
  async run({ name, input, version, dry_run: dryRun }, { deps, principal }) {
    const execution = await run({
      name,
      version,
      event: input,
      caller: principal.name,
      dryRun,
      registry: deps.registry,
      directory: deps.directory,
      secrets: deps.secrets,
      fetchFor: (egress) => deps.fetchFor(egress, dryRun),
      runner: deps.toolchain.runner,
      limits: deps.toolchain.limits,
    });
    return { returned: execution.outcome.kind === 'returned', execution: executionView(execution) };
  },
});
