// The flows list, a flow version, and the decision on it. Operators, auditors and reviewers read;
// reviewers decide. Four eyes is the flow store's rule, applied through core/flows reviewFlow, which
// writes every approval, rejection and refusal to the audit trail.

import { reviewFlow } from '../../../core/flows/index.ts';
import { isJoineryError } from '../../../core/errors.ts';
import { checkCsrf, notFound, refuse, requireRole, type ConsoleContext } from '../http/console-context.ts';
import { readForm } from '../http/form-body.ts';
import { redirect, sendPage } from '../http/page-response.ts';
import { html } from '../html/safe-html.ts';
import { flowPath, flowsBody, flowVersionBody } from '../pages/flows-page.ts';
import { layout } from '../pages/layout.ts';

const FLOW_READERS = ['operator', 'auditor', 'reviewer'] as const;
const MAX_COMMENT = 2_000;

export function showFlows(context: ConsoleContext): void {
  const session = requireRole(context, FLOW_READERS, 'flows');
  if (!session) return;
  sendPage(context.response, 200, layout({ title: 'Flows', session, body: flowsBody(context.deps.flows?.listFlows()) }));
}

export function showFlowVersion(context: ConsoleContext, name: string, version: number): void {
  const session = requireRole(context, FLOW_READERS, 'show-flow');
  if (!session) return;
  const record = context.deps.flows?.getVersion(name, version);
  if (record === undefined || record.version !== version) {
    notFound(context, session, `no flow version ${name}@${version}`);
    return;
  }
  const versions = context.deps.flows?.listVersions(name) ?? [];
  sendPage(context.response, 200, layout({ title: `Flow ${name}@${version}`, session, body: flowVersionBody({ record, versions, session }) }));
}

export async function reviewFlowVersion(context: ConsoleContext, name: string, version: number): Promise<void> {
  const session = requireRole(context, ['reviewer'], 'flow-review');
  if (!session) return;
  const form = await readForm(context.request);
  if (!form.ok) return refuse(context, session, form.status, 'console.flow-review', form.message, { reason: 'form' });
  if (!checkCsrf(context, session, form.fields, 'flow-review')) return;
  const { flows } = context.deps;
  if (flows === undefined) return notFound(context, session, 'this console was started without a flow store');
  const decision = form.fields.get('decision');
  if (decision !== 'approved' && decision !== 'rejected')
    return refuse(context, session, 400, 'console.flow-review', 'decision: expected approved or rejected', { reason: 'input' });
  const comment = (form.fields.get('comment') ?? '').slice(0, MAX_COMMENT).trim();
  try {
    reviewFlow({
      flows,
      audit: (entry) => context.deps.registry.recordAudit(entry),
      via: 'console',
      name,
      version,
      reviewer: session.principal.name,
      decision,
      comment: comment === '' ? null : comment,
    });
  } catch (error) {
    if (!isJoineryError(error) || error.code === 'INTERNAL') throw error;
    if (error.code !== 'FORBIDDEN' && error.code !== 'CONFLICT')
      return refuse(context, session, error.code === 'NOT_FOUND' ? 404 : 400, 'console.flow-review', error.message, {
        reason: error.code,
      });
    // reviewFlow has audited this four-eyes or already-reviewed refusal; the page only says why.
    const notice = { kind: 'error' as const, text: error.message };
    return sendPage(context.response, error.code === 'FORBIDDEN' ? 403 : 409, layout({ title: 'Refused', session, body: html`<h1>Refused</h1>`, notice }));
  }
  redirect(context.response, flowPath(name, version));
}
