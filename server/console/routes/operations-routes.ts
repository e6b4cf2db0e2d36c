// Executions, events (with replay for operators) and the audit trail with its export.

import { formatAudit, type AuditFilter } from '../../../core/audit/index.ts';
import type { RunOutcome } from '../../../core/execution/types.ts';
import type { ExecutionFilter, ExecutionRecord } from '../../../core/registry/index.ts';
import type { EventStatus } from '../../../core/events/index.ts';
import { EVENT_STATUSES } from '../../../core/events/index.ts';
import { checkCsrf, notFound, requireRole, type ConsoleContext } from '../http/console-context.ts';
import { readForm } from '../http/form-body.ts';
import { redirect, sendDownload, sendPage } from '../http/page-response.ts';
import { auditBody } from '../pages/audit-page.ts';
import { eventsBody } from '../pages/events-page.ts';
import { executionBody, executionsBody } from '../pages/executions-page.ts';
import { layout } from '../pages/layout.ts';

const RUN_READERS = ['operator', 'auditor'] as const;
const AUDIT_READERS = ['auditor', 'reviewer', 'operator'] as const;
const PAGE = 50;

export function showExecutions(context: ConsoleContext): void {
  const session = requireRole(context, RUN_READERS, 'executions');
  if (!session) return;
  const { registry } = context.deps;
  const filters = {
    functionName: context.query.get('function') ?? '',
    outcome: context.query.get('outcome') ?? '',
    mode: context.query.get('mode') ?? '',
  };
  const functions = registry.listFunctions();
  const names = filters.functionName === '' ? functions.map((item) => item.name) : [filters.functionName];
  const outcome = filters.outcome;
  const filter: ExecutionFilter = {
    limit: PAGE,
    ...(isOutcome(outcome) ? { outcome } : {}),
    ...(filters.mode === 'live' ? { dryRun: false } : filters.mode === 'dry' ? { dryRun: true } : {}),
  };
  const executions: ExecutionRecord[] = names
    .flatMap((name) => registry.listExecutions(name, filter))
    .sort((left, right) => right.id - left.id)
    .slice(0, PAGE);
  sendPage(
    context.response,
    200,
    layout({
      title: 'Executions',
      session,
      body: executionsBody({ executions, functions, filters }),
    }),
  );
}

export function showExecution(context: ConsoleContext, id: number): void {
  const session = requireRole(context, RUN_READERS, 'execution');
  if (!session) return;
  const execution = context.deps.registry.getExecution(id);
  if (execution === undefined) {
    notFound(context, session, `no execution ${id}`);
    return;
  }
  sendPage(
    context.response,
    200,
    layout({
      title: `Execution ${id}`,
      session,
      body: executionBody(execution),
    }),
  );
}

export async function showEvents(context: ConsoleContext): Promise<void> {
  const session = requireRole(context, RUN_READERS, 'events');
  if (!session) return;
  const { queue } = context.deps;
  if (queue === undefined) {
    notFound(context, session, 'this console has no event queue');
    return;
  }
  const status = context.query.get('status') ?? '';
  const chosen = (EVENT_STATUSES as readonly string[]).includes(status) ? (status as EventStatus) : undefined;
  const [events, counts] = await Promise.all([queue.list({ ...(chosen ? { status: chosen } : {}), limit: 100 }), queue.countByStatus()]);
  sendPage(
    context.response,
    200,
    layout({
      title: 'Events',
      session,
      body: eventsBody({ events, counts, status: chosen ?? '', session }),
    }),
  );
}

export async function replayEvent(context: ConsoleContext, id: string): Promise<void> {
  const session = requireRole(context, ['operator'], 'replay');
  if (!session) return;
  const form = await readForm(context.request);
  if (!form.ok || !checkCsrf(context, session, form.fields, 'replay')) return;
  const { queue, registry } = context.deps;
  const before = await queue?.get(id);
  if (queue === undefined || before === undefined) {
    notFound(context, session, `no event ${id}`);
    return;
  }
  const replayed = await queue.replay(id);
  registry.recordAudit({
    actor: session.principal.name,
    action: 'event.replay',
    target: id,
    allowed: replayed,
    detail: { status: before.status, via: 'console' },
  });
  redirect(context.response, '/events');
}

export function showAudit(context: ConsoleContext): void {
  const session = requireRole(context, AUDIT_READERS, 'audit');
  if (!session) return;
  const filters = {
    actor: context.query.get('actor') ?? '',
    action: context.query.get('action') ?? '',
    allowed: context.query.get('allowed') ?? '',
  };
  const entries = context.deps.auditTrail.recent({
    ...auditFilter(context.query),
    limit: 200,
  });
  sendPage(
    context.response,
    200,
    layout({
      title: 'Audit',
      session,
      body: auditBody({
        entries,
        filters,
        retentionDays: context.deps.retentionDays ?? null,
      }),
    }),
  );
}

export async function exportAudit(context: ConsoleContext): Promise<void> {
  const session = requireRole(context, AUDIT_READERS, 'audit-export');
  if (!session) return;
  const format = context.query.get('format') === 'jsonl' ? 'jsonl' : 'csv';
  context.deps.registry.recordAudit({
    actor: session.principal.name,
    action: 'audit.export',
    allowed: true,
    detail: { format, via: 'console' },
  });
  const chunks = formatAudit(context.deps.auditTrail.entries(auditFilter(context.query)), format);
  await sendDownload(
    context.response,
    chunks,
    format === 'csv'
      ? {
          contentType: 'text/csv; charset=utf-8',
          filename: 'joinery-audit.csv',
        }
      : {
          contentType: 'application/x-ndjson; charset=utf-8',
          filename: 'joinery-audit.jsonl',
        },
  );
}

function auditFilter(query: URLSearchParams): AuditFilter {
  const text = (key: string) => {
    const value = query.get(key)?.trim();
    return value ? value : undefined;
  };
  const allowed = query.get('allowed');
  const [actor, action, since, until] = [text('actor'), text('action'), text('since'), text('until')];
  return {
    ...(actor ? { actor } : {}),
    ...(action ? { action } : {}),
    ...(since ? { since } : {}),
    ...(until ? { until } : {}),
    ...(allowed === 'true' ? { allowed: true } : allowed === 'false' ? { allowed: false } : {}),
  };
}

function isOutcome(value: string): value is RunOutcome['kind'] {
  return ['returned', 'threw', 'timed-out', 'out-of-memory', 'crashed'].includes(value);
}
