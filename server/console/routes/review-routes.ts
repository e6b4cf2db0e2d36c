// The inbox, a version page, and the decision on it. Four eyes is the registry's rule: the page leaves
// the buttons out for the author and the requester, and registry.review refuses them anyway; a refusal
// is written to the audit trail.

import { isJoineryError } from '../../../core/errors.ts';
import { buildReviewBrief, listPendingReviews } from '../../../core/review/index.ts';
import type { TokenRole } from '../../../core/tokens/index.ts';
import type { BehaviourCache } from '../behaviour-cache.ts';
import { checkCsrf, notFound, refuse, requireRole, type ConsoleContext } from '../http/console-context.ts';
import { readForm } from '../http/form-body.ts';
import { redirect, sendPage } from '../http/page-response.ts';
import type { BehaviourState } from '../pages/behaviour-section.ts';
import { inboxBody } from '../pages/inbox-page.ts';
import { layout, versionPath } from '../pages/layout.ts';
import { versionBody } from '../pages/version-page.ts';

const READERS: readonly TokenRole[] = ['author', 'reviewer', 'operator', 'auditor'];
const MAX_COMMENT = 2_000;

export function showInbox(context: ConsoleContext): void {
  const session = requireRole(context, READERS, 'inbox');
  if (!session) return;
  sendPage(
    context.response,
    200,
    layout({
      title: 'Inbox',
      session,
      body: inboxBody({
        pending: listPendingReviews(context.deps.registry),
        now: context.now,
      }),
    }),
  );
}

export async function showVersion(context: ConsoleContext, name: string, version: number, behaviour: BehaviourCache | undefined): Promise<void> {
  const session = requireRole(context, READERS, 'show-version');
  if (!session) return;
  const { registry } = context.deps;
  if (registry.getVersion(name, version) === undefined) {
    notFound(context, session, `no version ${name}@${version}`);
    return;
  }
  const brief = buildReviewBrief(registry, {
    name,
    version,
    viewer: session.principal,
  });
  const state = await behaviourState(brief.version, brief.compareTo, registry.getActiveVersion(name)?.version ?? null, behaviour);
  sendPage(
    context.response,
    200,
    layout({
      title: `${name}@${version}`,
      session,
      body: versionBody({ brief, behaviour: state, session }),
    }),
  );
}

export async function reviewVersion(context: ConsoleContext, name: string, version: number): Promise<void> {
  const session = requireRole(context, ['reviewer'], 'review');
  if (!session) return;
  const form = await readForm(context.request);
  if (!form.ok) return refuse(context, session, form.status, 'console.review', form.message, { reason: 'form' });
  if (!checkCsrf(context, session, form.fields, 'review')) return;
  const decision = form.fields.get('decision');
  if (decision !== 'approved' && decision !== 'rejected')
    return refuse(context, session, 400, 'console.review', 'decision: expected approved or rejected', { reason: 'input' });
  const comment = (form.fields.get('comment') ?? '').slice(0, MAX_COMMENT).trim();
  try {
    context.deps.registry.review({
      name,
      version,
      reviewer: session.principal.name,
      decision,
      comment: comment === '' ? null : comment,
      actorSource: session.principal.source,
    });
  } catch (error) {
    if (!isJoineryError(error) || error.code === 'INTERNAL') throw error;
    const status = error.code === 'FORBIDDEN' ? 403 : error.code === 'NOT_FOUND' ? 404 : 409;
    return refuse(context, session, status, 'review', error.message, { reason: error.code, decision }, `${name}@${version}`);
  }
  redirect(context.response, versionPath(name, version));
}

async function behaviourState(
  candidate: Parameters<BehaviourCache['diffFor']>[0],
  compareTo: Parameters<BehaviourCache['diffFor']>[1] | null,
  activeVersion: number | null,
  cache: BehaviourCache | undefined,
): Promise<BehaviourState> {
  if (cache === undefined)
    return {
      kind: 'none',
      reason: 'Behavioural diffs are off in this console (no sandbox was given to it).',
    };
  if (compareTo === null || activeVersion === null || compareTo.version !== activeVersion)
    return {
      kind: 'none',
      reason: 'There is no other active version to compare with.',
    };
  if (activeVersion === candidate.version) return { kind: 'none', reason: 'This is the active version.' };
  try {
    return { kind: 'ready', diff: await cache.diffFor(candidate, compareTo) };
  } catch (error) {
    return {
      kind: 'failed',
      message: isJoineryError(error) ? error.message : 'the sandbox failed; see the server log',
    };
  }
}
