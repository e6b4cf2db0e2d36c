// The text report: ✓/✗ per test, failures indented, a summary, and nothing that can restyle a terminal.

import { describe, expect, it } from 'vitest';
import { formatTestReport, type TestReport, type TestResult } from '../../core/fixtures/index.ts';

function result(name: string, failures: string[] = [], warnings: string[] = []): TestResult {
  return { name, passed: failures.length === 0, failures, outcome: { kind: 'returned', value: null }, logs: [], calls: [], durationMs: 3.25, warnings };
}

const report: TestReport = {
  passed: 1,
  failed: 1,
  durationMs: 42.4,
  results: [result('plain name'), result('taken base', ['output.username: expected "jsmith2", got "jsmith1"', 'calls: expected 2, got 1'])],
};

describe('formatTestReport', () => {
  it('lists each test with ✓ or ✗, failures indented, and a summary', () => {
    expect(formatTestReport(report)).toBe(
      [
        '✓ plain name (3.3 ms)',
        '✗ taken base (3.3 ms)',
        '    output.username: expected "jsmith2", got "jsmith1"',
        '    calls: expected 2, got 1',
        '',
        '1 passed, 1 failed (42 ms)',
      ].join('\n'),
    );
  });

  it('shows warnings under their test and counts them in the summary, without failing anything', () => {
    const warnings = ['no expect: this test passes whenever the function returns', 'http[0] (GET https://x.example/) was never requested'];
    const warned: TestReport = { passed: 2, failed: 0, durationMs: 12, results: [result('quiet'), result('no expect', [], warnings)] };
    expect(formatTestReport(warned)).toBe(
      [
        '✓ quiet (3.3 ms)',
        '✓ no expect (3.3 ms)',
        '    ⚠ no expect: this test passes whenever the function returns',
        '    ⚠ http[0] (GET https://x.example/) was never requested',
        '',
        '2 passed, 0 failed, 2 warnings (12 ms)',
      ].join('\n'),
    );
    expect(formatTestReport(warned, { color: true })).toContain('\u001b[33m, 2 warnings\u001b[0m');
  });

  it('colours only when asked', () => {
    expect(formatTestReport(report)).not.toContain('\u001b[');
    const coloured = formatTestReport(report, { color: true });
    expect(coloured).toContain('\u001b[32m✓\u001b[0m plain name');
    expect(coloured).toContain('\u001b[31m1 passed, 1 failed\u001b[0m');
    expect(formatTestReport({ ...report, failed: 0, results: [result('a')] }, { color: true })).toContain('\u001b[32m1 passed, 0 failed');
  });

  it('escapes control and bidirectional characters from names and failures', () => {
    const text = formatTestReport({
      passed: 0,
      failed: 1,
      durationMs: 1,
      results: [result('evil\u001b[2J\u202Ename\nnext', ['line\rover'])],
    });
    expect(text).toContain('✗ evil\\u001b[2J\\u202ename\\u000anext');
    expect(text).toContain('    line\\u000dover');
    expect(text).not.toMatch(/[\u001b\u202e\r]/);
  });
});
