export { diffLines, formatUnifiedDiff, type DiffLine } from './line-diff.ts';
export { diffVersions, type SetChange, type VersionDiff } from './version-diff.ts';
export { diffBehaviour, type BehaviouralDiff } from './behavioural-diff.ts';
export type { DirectoryReader } from './recording-host.ts';
export type { ValueChange } from './value-changes.ts';
