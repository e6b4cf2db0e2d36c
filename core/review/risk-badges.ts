// What a reviewer should look at twice, computed from the version and the one it would replace: a host
// or secret it did not reach before, a leaver function (it takes access away), and code that disables
// accounts. Badges point at reasons to read carefully; they never replace reading.

import type { SetChange } from '../diff/index.ts';
import type { VersionRecord } from '../registry/index.ts';

export type RiskBadge = 'new host' | 'new secret' | 'leaver function' | 'disables accounts';

export interface ReachChange {
  egress: SetChange;
  secrets: SetChange;
}

// accountEnabled: false (Entra/Graph), status "disabled"/"suspended" (directories, Okta), userAccountControl (AD).
const DISABLES_ACCOUNTS =
  new RegExp(
    [
      String.raw`\b(?:disable|suspend|deactivate|lock)[A-Za-z]*\b`,
      String.raw`accountEnabled\s*:\s*false`,
      'userAccountControl',
      String.raw`["']?status["']?\s*:\s*["'](?:disabled|suspended|deprovisioned)["']`,
    ].join('|'),
    'i',
  );

export function reachChange(candidate: VersionRecord, active: VersionRecord | undefined): ReachChange {
  const compare = (before: readonly string[], after: readonly string[]): SetChange => ({
    added: after.filter((item) => !before.includes(item)),
    removed: before.filter((item) => !after.includes(item)),
  });
  return {
    egress: compare(active?.manifest.egress ?? [], candidate.manifest.egress),
    secrets: compare(active?.manifest.secrets ?? [], candidate.manifest.secrets),
  };
}

export function riskBadges(candidate: VersionRecord, reach: ReachChange): RiskBadge[] {
  const badges: RiskBadge[] = [];
  if (reach.egress.added.length > 0) badges.push('new host');
  if (reach.secrets.added.length > 0) badges.push('new secret');
  if (candidate.manifest.trigger === 'user.left') badges.push('leaver function');
  if (DISABLES_ACCOUNTS.test(candidate.source)) badges.push('disables accounts');
  return badges;
}
