import * as z from 'zod';
import { JoineryError } from '../../core/errors.ts';
import { MAX_EVENT_BYTES, runFunction as run, runnableRecord } from '../../core/pipeline/index.ts';
import { toolFailure } from '../boundary/tool-failure.ts';
import { assertLifecycleEvent } from './event-check.ts';
import { functionName, versionRef } from './schemas.ts';
import { defineTool } from './tool.ts';
import { executionSchema, executionView } from './views.ts';

export const runFunction = defineTool({
  name: 'run_function',
  title: 'Run a function',
  description:
    'Run the active (or an approved) version on a lifecycle event. dry_run=true records HTTP calls instead of sending them. Logged; then get_execution.',
  input: {
    name: functionName,
    input: z.record(z.string(), z.unknown()).describe('{ type, id, occurredAt, person }: joinery://docs/contract.md'),
    version: versionRef.optional().describe('default active'),
    dry_run: z.boolean().default(false),
  },
  output: { returned: z.boolean(), execution: executionSchema },
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  roles: ['operator'],
  async run({ name, input, version = 'active', dry_run: dryRun }, { deps, principal, confirm, log }) {
    // 1. The event: bounded, and a lifecycle event by the fixture format's own rules.
    const size = Buffer.byteLength(JSON.stringify(input), 'utf8');
    if (size > MAX_EVENT_BYTES) throw new JoineryError('INVALID_INPUT', `the input is ${size} bytes; the limit is ${MAX_EVENT_BYTES}`);
    assertLifecycleEvent(input);

    // 2. The version, with errors that name MCP tools; only approved versions run.
    const head = deps.registry.getVersionHead(name, version);
    if (!head) {
      if (!deps.registry.getVersionHead(name, 'latest')) throw new JoineryError('NOT_FOUND', `no function named "${name}"; list_functions lists them`);
      if (version !== 'active') throw new JoineryError('NOT_FOUND', `no version ${name}@${version}; list_versions lists them`);
      throw new JoineryError('CONFLICT', `${name} has no approved version yet; a reviewer approves one with review_function (list_versions shows the pending ones)`);
    }
    if (head.status !== 'approved') {
      throw new JoineryError('FORBIDDEN', `${name}@${head.version} is ${head.status.replace('_', ' ')}; only approved versions run (a reviewer approves it with review_function)`);
    }
    const record = runnableRecord(deps.registry, head);

    // 3. A live run that can call out asks the person first, where the client can ask.
    const hosts = record.manifest.egress;
    if (!dryRun && hosts.length > 0 && !(await confirm(`Run ${name}@${record.version} live? It may send HTTP requests to ${hosts.join(', ')}.`))) {
      return toolFailure('CONFLICT', `${name}@${record.version} was not run: the confirmation was declined; try dry_run=true`);
    }

    const execution = await run({
      name, record, event: input, caller: principal.name, dryRun, registry: deps.registry, directory: deps.directory,
      secrets: deps.secrets, fetchFor: (egress) => deps.fetchFor(egress, dryRun), runner: deps.toolchain.runner, limits: deps.toolchain.limits,
      ...(deps.ledger ? { ledger: deps.ledger } : {}),
    });
    log('info', `ran ${name}@${record.version}${dryRun ? ' (dry run)' : ''}: ${execution.outcome.kind}`, { execution: execution.id });
    return { returned: execution.outcome.kind === 'returned', execution: executionView(execution) };
  },
  outcome: (output) => `${output.execution.outcome.kind}${output.execution.dryRun ? ' (dry run)' : ''}; execution ${output.execution.id}`,
});
