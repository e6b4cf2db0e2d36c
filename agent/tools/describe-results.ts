// Compact text the model reads after a check or a test run.

import type { CheckResult, TestFunctionResult } from '../../core/pipeline/index.ts';

const MAX_FAILURES_PER_TEST = 6;

export function describeCheck(check: CheckResult): string {
  if (check.ok && check.manifest) {
    return `Check passed: ${check.manifest.name} (trigger ${check.manifest.trigger}, egress [${check.manifest.egress.join(', ')}], secrets [${check.manifest.secrets.join(', ')}]).`;
  }
  return `Check failed:\n${check.problems.map((problem) => `- ${problem.stage}: ${problem.text}`).join('\n')}`;
}

export function describeTest(result: TestFunctionResult): string {
  const parts: string[] = [];
  if (result.fixtureProblems.length > 0) {
    parts.push(`The fixture file is malformed:\n${result.fixtureProblems.map((problem) => `- ${problem.path}: ${problem.message}`).join('\n')}`);
  }
  if (!result.check.ok) parts.push(describeCheck(result.check));
  const report = result.report;
  if (report) {
    parts.push(`${report.passed} passed, ${report.failed} failed.`);
    for (const test of report.results.filter((candidate) => !candidate.passed)) {
      const failures = test.failures.slice(0, MAX_FAILURES_PER_TEST).map((failure) => `    ${failure}`);
      parts.push(`✗ ${test.name}\n${failures.join('\n')}`);
    }
    const warned = report.results.filter((test) => test.warnings.length > 0);
    const warnings = warned.map((test) => `⚠ ${test.name}\n${test.warnings.map((warning) => `    ${warning}`).join('\n')}`);
    if (warned.length > 0) parts.push(`Warnings (they do not fail a fixture):\n${warnings.join('\n')}`);
    if (result.ok) parts.push('All fixtures pass. If the fixtures cover the requirement and the spec, call finish.');
  }
  return parts.join('\n\n');
}
