// Every template sends secrets the new way: each one bound to the hosts it is for, the manifest valid, and
// every fixture passing with the bindings enforced (the recorded calls carry the fixture values, so a
// fixture's "authorization": "Bearer test-token" still matches). No template ever holds a secret value.

import { describe, expect, it } from 'vitest';
import { validateManifest } from '../../core/pipeline/manifest.ts';
import { loadTemplate, runTemplateFixtures, templateManifest } from './template-harness.ts';

const FAMILIES = ['approvals', 'apps', 'email', 'groups', 'hris-writeback', 'leaver-revoke', 'mover-groups', 'tap', 'ticket', 'username'];

describe.each(FAMILIES)('template %s', (family) => {
  it('binds every secret it declares to hosts in its egress, and its manifest is valid', async () => {
    const template = await loadTemplate(family);
    for (const entry of template.definition.secrets) {
      expect(entry, `${family}: a secret declared without hosts`).toEqual({ name: expect.any(String), hosts: expect.any(Array) });
    }
    expect(validateManifest(await templateManifest(template))).toEqual([]);
  });

  it('passes every fixture with the bindings enforced', async () => {
    const template = await loadTemplate(family);
    const report = await runTemplateFixtures(template);
    const failures = report.results.filter((result) => !result.passed).map((result) => `${result.name}: ${result.failures.join('; ')}`);
    expect(failures).toEqual([]);
    expect(report.passed).toBe(template.tests.length);
  });
});
