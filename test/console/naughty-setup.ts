// A version and an execution full of hostile text for the escaping tests: markup in the description,
// requirement and spec, terminal escapes and a bidi override in the source, the Big List of Naughty
// Strings in the logs. (Function names are kebab-case by the registry's rule, so a naughty name can
// only arrive in a URL; the test asks for one there.)

import type { Registry } from '../../core/registry/index.ts';
import { NAUGHTY_STRINGS } from '../helpers/naughty-strings.ts';

export const MARKUP = '<img src=x onerror="window.__injected=1"><script>window.__injected=1</script>';
const ESCAPES = '\u001b[2K\u001b[1A\u202eevil';

export function addNaughtyVersion(registry: Registry): number {
  const name = 'naughty-strings';
  const source = `// ${ESCAPES}\nexport default { name: '${name}' };\n// ${MARKUP}\n`;
  registry.publish({
    name,
    source,
    bundle: `globalThis.__handler = { name: '${name}' };`,
    sourceMap: '{"version":3,"sources":[],"mappings":""}',
    manifest: {
      name,
      description: `Description ${MARKUP}`,
      trigger: 'user.joined',
      egress: [],
      secrets: [],
    },
    fixtures: [
      {
        name: MARKUP,
        input: {
          type: 'user.joined',
          person: { firstName: MARKUP, lastName: ESCAPES },
        },
        expect: { output: { username: MARKUP } },
      },
    ],
    checkReport: { ok: true },
    testReport: { passed: 1, failed: 0, results: [] },
    spec: `Spec ${MARKUP} ${ESCAPES}`,
    requirement: `Requirement ${MARKUP} ${ESCAPES}`,
    author: 'mallory',
  });
  registry.review({ name, version: 1, reviewer: 'rita', decision: 'approved' });
  const execution = registry.recordExecution({
    name,
    version: 1,
    eventId: MARKUP,
    input: { note: MARKUP, escapes: ESCAPES },
    outcome: { kind: 'threw', message: `${MARKUP} ${ESCAPES}` },
    logs: NAUGHTY_STRINGS.slice(0, 400).map((message, index) => ({
      level: 'info' as const,
      message,
      atMs: index,
    })),
    calls: [],
    durationMs: 1,
    caller: MARKUP,
    dryRun: true,
  });
  return execution.id;
}
