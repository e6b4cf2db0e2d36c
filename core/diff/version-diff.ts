// What a reviewer needs to see between two versions: the source change and the change in reach.

import type { VersionRecord } from '../registry/types.ts';
import { diffLines, formatUnifiedDiff } from './line-diff.ts';

export interface SetChange {
  added: string[];
  removed: string[];
}

export interface VersionDiff {
  name: string;
  from: number;
  to: number;
  sourceDiff: string;
  egress: SetChange;
  secrets: SetChange;
  trigger: { from: string; to: string } | null;
  fixtures: { from: number; to: number };
}

export function diffVersions(from: VersionRecord, to: VersionRecord): VersionDiff {
  return {
    name: to.name,
    from: from.version,
    to: to.version,
    sourceDiff: formatUnifiedDiff(diffLines(from.source, to.source), {
      labels: [`${from.name}@${from.version}`, `${to.name}@${to.version}`],
    }),
    egress: compareSets(from.manifest.egress, to.manifest.egress),
    secrets: compareSets(from.manifest.secrets, to.manifest.secrets),
    trigger: from.manifest.trigger === to.manifest.trigger ? null : { from: from.manifest.trigger, to: to.manifest.trigger },
    fixtures: { from: from.fixtures.length, to: to.fixtures.length },
  };
}

function compareSets(before: string[], after: string[]): SetChange {
  return { added: after.filter((item) => !before.includes(item)), removed: before.filter((item) => !after.includes(item)) };
}
