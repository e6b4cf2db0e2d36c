export { diffLines, formatUnifiedDiff, type DiffLine } from './line-diff.ts';
export { diffVersions, type SetChange, type VersionDiff } from './version-diff.ts';
