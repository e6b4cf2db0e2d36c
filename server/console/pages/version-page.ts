// One version, as a reviewer reads it: what was asked for, what it does differently, and the decision.
// The approve and reject buttons are left out for anyone the registry would refuse (four eyes); the
// server refuses a forged decision anyway.

import type { ReviewBrief } from '../../../core/review/index.ts';
import { html, type SafeHtml } from '../html/safe-html.ts';
import type { Session } from '../session/session-store.ts';
import { behaviourSection, type BehaviourState } from './behaviour-section.ts';
import { fixturesSection, testReportSection } from './fixtures-section.ts';
import { csrfField, versionPath } from './layout.ts';
import { badges, reachCell } from './reach.ts';
import { sourceDiffTable } from './source-diff.ts';

export function versionBody({ brief, behaviour, session }: { brief: ReviewBrief; behaviour: BehaviourState; session: Session }): SafeHtml {
  const { version } = brief;
  const against = brief.compareTo === null ? 'a first version: every line is new' : `diff against @${brief.compareTo.version}`;
  return html`<h1>${version.name}@${version.version} <span class="badge status">${version.status.replace('_', ' ')}</span></h1>
<p class="muted">${version.manifest.description}</p>
<section class="card"><table class="facts"><tbody>
<tr><th>Author</th><td>${version.author}</td><th>Requested by</th><td>${version.requestedBy ?? '—'}</td></tr>
<tr><th>Published</th><td>${version.createdAt}</td><th>Trigger</th><td>${version.manifest.trigger}</td></tr>
<tr><th>Reach change</th><td class="small">${reachCell(brief.reach)}</td><th>Risk</th><td>${badges(brief.badges)}</td></tr>
<tr><th>sha256</th><td colspan="3" class="mono small">${version.sha256}</td></tr></tbody></table></section>
<section class="card"><h2>Requirement</h2>${version.requirement ? html`<div class="requirement">${version.requirement}</div>` : html`
<p class="muted">No requirement was recorded with this version.</p>`}</section>
<section class="card"><h2>Spec</h2>${version.spec ? html`<pre>${version.spec}</pre>` : html`<p class="muted">No spec.</p>`}</section>
${decisionSection(brief, session)}
${behaviourSection(behaviour)}
<section class="card"><h2>Code <span class="muted small">${against}</span></h2>${sourceDiffTable(brief.diff)}</section>
${fixturesSection(brief.fixtures)}
${testReportSection(brief.testReport)}`;
}

function decisionSection(brief: ReviewBrief, session: Session): SafeHtml {
  const reviews = brief.reviews.map(
    (review) =>
      html`<p><strong>${review.decision}</strong> by ${review.reviewer} at ${review.createdAt}${review.comment ? html`: ${review.comment}` : ''}</p>`,
  );
  if (!brief.gate.mayReview) {
    return html`<section class="card decision"><h2>Review</h2>${reviews}
<p class="muted">You cannot decide on this version: ${brief.gate.reason ?? ''}.</p></section>`;
  }
  const action = `${versionPath(brief.version.name, brief.version.version)}/review`;
  return html`<section class="card decision"><h2>Review</h2>${reviews}
<form method="post" action="${action}" data-confirm="Record this decision? An approval makes the version active.">${csrfField(session)}
<label for="comment">Comment (what you checked)</label><textarea id="comment" name="comment" maxlength="2000"></textarea>
<p><button class="approve" type="submit" name="decision" value="approved">Approve</button> 
<button class="reject" type="submit" name="decision" value="rejected">Reject</button></p></form></section>`;
}
