// The three sources of lint findings, each reduced to { file, rule } pairs so that one baseline can
// count them: biome (its recommended rules and no non-null assertions), knip (exports nobody imports,
// across files) and the line-length limit (checked here: biome's line width belongs to its formatter).

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { readSourceFiles } from '../architecture/source-files.ts';

export interface Finding {
  file: string;
  rule: string;
  line: number;
}

const MAX_LINE_LENGTH = 160;

export function biomeFindings(root: string): Finding[] {
  const report = runJson(root, 'biome', ['lint', '--reporter=json', '--max-diagnostics=none', '.']) as {
    diagnostics: Array<{ category: string; location: { path: string; start?: { line: number } } }>;
  };
  return report.diagnostics.map((diagnostic) => ({
    file: diagnostic.location.path,
    rule: diagnostic.category,
    line: diagnostic.location.start?.line ?? 0,
  }));
}

type KnipItem = { name: string; line?: number };

export function knipFindings(root: string): Finding[] {
  const report = runJson(root, 'knip', ['--reporter', 'json', '--no-exit-code']) as {
    issues: Array<{ file: string } & Record<string, unknown>>;
  };
  return report.issues.flatMap((issue) =>
    ['exports', 'types', 'nsExports', 'nsTypes', 'duplicates', 'files'].flatMap((kind) => {
      const items = issue[kind];
      const list = Array.isArray(items) ? (items as KnipItem[]) : [];
      return list.map((item) => ({ file: issue.file, rule: `knip/${kind}`, line: item.line ?? 0 }));
    }),
  );
}

export function lineLengthFindings(root: string): Finding[] {
  return readSourceFiles(root).flatMap((file) =>
    file.text.split('\n').flatMap((text, index) =>
      text.length > MAX_LINE_LENGTH ? [{ file: file.path, rule: `line-length/${MAX_LINE_LENGTH}`, line: index + 1 }] : [],
    ),
  );
}

/** Runs a tool's own binary and reads its JSON report; no report means the tool failed, not "no findings". */
function runJson(root: string, tool: string, args: string[]): unknown {
  const result = spawnSync(join(root, 'node_modules', '.bin', tool), args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  try {
    return JSON.parse(result.stdout);
  } catch {
    throw new Error(`${tool} gave no JSON report (exit ${result.status}): ${result.stderr.slice(0, 2000)}`);
  }
}
