export { diffLines, formatUnifiedDiff, type DiffLine } from './line-diff.ts';
export { diffVersions, type SetChange, type VersionDiff } from './version-diff.ts';
export { diffBehaviour, type BehaviourCase, type BehaviouralDiff, type DiffBehaviourOptions } from './behavioural-diff.ts';
export { createRecordingHost, type DirectoryReader } from './recording-host.ts';
export { valueChanges, type ValueChange } from './value-changes.ts';
