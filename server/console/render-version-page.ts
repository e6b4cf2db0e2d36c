// The version page as HTML text from the registry and a computed behavioural diff: what GET
// /functions/<name>/versions/<n> renders, without HTTP or a session (the bench measures it alone).

import type { BehaviouralDiff } from '../../core/diff/index.ts';
import type { Registry } from '../../core/registry/index.ts';
import { buildReviewBrief } from '../../core/review/index.ts';
import { layout } from './pages/layout.ts';
import { versionBody } from './pages/version-page.ts';
import type { Session } from './session/session-store.ts';

export function renderVersionPage({
  registry,
  name,
  version,
  viewer,
  diff,
}: {
  registry: Registry;
  name: string;
  version: number;
  viewer: { name: string; role: string };
  diff: BehaviouralDiff;
}): string {
  const session: Session = {
    id: 'bench',
    csrf: 'bench',
    token: '',
    createdAt: 0,
    lastSeenAt: 0,
    principal: { name: viewer.name, role: viewer.role, source: 'mcp-token' },
  };
  const brief = buildReviewBrief(registry, { name, version, viewer });
  return layout({
    title: `${name}@${version}`,
    session,
    body: versionBody({ brief, behaviour: { kind: 'ready', diff }, session }),
  }).text;
}
