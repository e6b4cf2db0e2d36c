// `npm run lint`: biome, knip and the line-length limit, held to a baseline of today's findings that may
// only shrink. A finding in a file or of a rule the baseline does not count fails, and so does a file
// with more findings of a rule than it counts; fewer passes and says so, and `--shrink` writes the lower
// counts back. The baseline counts per file and rule, not per line, so that moving code is no finding.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { biomeFindings, type Finding, knipFindings, lineLengthFindings } from './findings.ts';

type Counts = Record<string, Record<string, number>>;

const root = resolve(import.meta.dirname, '../..');
const baselinePath = resolve(import.meta.dirname, 'lint-baseline.json');

const startedAt = Date.now();
const findings = [...biomeFindings(root), ...knipFindings(root), ...lineLengthFindings(root)];
const current = countFindings(findings);
const baseline: Counts = existsSync(baselinePath) ? JSON.parse(readFileSync(baselinePath, 'utf8')) : current;

const grown = findings.filter((finding) => (current[finding.file]?.[finding.rule] ?? 0) > (baseline[finding.file]?.[finding.rule] ?? 0));
const shrunk = Object.entries(baseline).flatMap(([file, rules]) =>
  Object.entries(rules).filter(([rule, count]) => (current[file]?.[rule] ?? 0) < count).map(([rule]) => `${file} ${rule}`),
);

for (const finding of grown) console.log(`${finding.file}:${finding.line} ${finding.rule}`);
if (shrunk.length > 0) console.log(`${shrunk.length} baseline counts went down: run \`npm run lint -- --shrink\` to keep them down`);
if (process.argv.includes('--shrink')) writeFileSync(baselinePath, `${JSON.stringify(lower(baseline, current), null, 1)}\n`);
const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
console.log(`lint: ${findings.length} findings counted in the baseline, ${grown.length} new, in ${seconds} s`);
process.exitCode = grown.length > 0 ? 1 : 0;

function countFindings(list: Finding[]): Counts {
  const counts: Counts = {};
  for (const { file, rule } of list) {
    const rules = counts[file] ?? {};
    rules[rule] = (rules[rule] ?? 0) + 1;
    counts[file] = rules;
  }
  return counts;
}

/** The baseline with each count lowered to today's, files and rules at zero dropped, sorted. */
function lower(old: Counts, now: Counts): Counts {
  const result: Counts = {};
  for (const file of Object.keys(old).sort()) {
    const rules = old[file] ?? {};
    for (const rule of Object.keys(rules).sort()) {
      const count = Math.min(rules[rule] ?? 0, now[file]?.[rule] ?? 0);
      if (count > 0) result[file] = { ...result[file], [rule]: count };
    }
  }
  return result;
}
