// A change in reach (egress hosts, secrets) and the risk badges, as the inbox and the version page show them.

import type { ReachChange, RiskBadge } from '../../../core/review/index.ts';
import { html, type SafeHtml } from '../html/safe-html.ts';

export function reachCell(reach: ReachChange): SafeHtml {
  const lines = [
    ...reach.egress.added.map((host) => html`<div class="added">+ host ${host}</div>`),
    ...reach.egress.removed.map((host) => html`<div class="removed">− host ${host}</div>`),
    ...reach.secrets.added.map((secret) => html`<div class="added">+ secret ${secret}</div>`),
    ...reach.secrets.removed.map((secret) => html`<div class="removed">− secret ${secret}</div>`),
  ];
  return lines.length > 0 ? html`${lines}` : html`<span class="muted">no change</span>`;
}

export function badges(list: readonly RiskBadge[]): SafeHtml {
  return html`${list.map((badge) => html`<span class="badge risk">${badge}</span>`)}`;
}
