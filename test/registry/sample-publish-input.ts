// A realistic PublishInput for registry tests; override what a test is about.

import type { PublishInput } from '../../core/registry/index.ts';

export function samplePublishInput(overrides: Partial<PublishInput> = {}): PublishInput {
  const name = overrides.name ?? 'generate-username';
  return {
    name,
    source: `import { defineFunction } from '@joinery/sdk';\nexport default defineFunction({ name: '${name}' });\n`,
    bundle: `var __fn = (() => ({ default: { name: '${name}' } }))();\nglobalThis.__handler = __fn.default; void 0;\n`,
    sourceMap: '{"version":3,"sources":["fn.ts"],"mappings":""}',
    manifest: { name, description: 'First initial + last name.', trigger: 'user.joined', egress: [], secrets: [] },
    fixtures: [{ name: 'plain', input: { type: 'user.joined' }, expect: { output: { username: 'jsmith' } } }],
    checkReport: { ok: true, diagnostics: [] },
    testReport: { passed: 1, failed: 0 },
    spec: 'first initial + last name, numbered on clash',
    author: 'agent:functions-author',
    requestedBy: 'alice@example.com',
    ...overrides,
  };
}
