// The prompt that sets a reviewer's assistant up to review one version: the checklist, what changed
// since the active version, and the spec, source and fixtures embedded.

import type { GetPromptResult, PromptMessage } from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod';
import { diffVersions } from '../../core/diff/index.ts';
import { JoineryError } from '../../core/errors.ts';
import type { Registry } from '../../core/registry/types.ts';
import { versionUri } from '../resources/index.ts';
import { functionName } from '../tools/schemas.ts';

export const reviewFunctionArgs = {
  name: functionName,
  version: z.string().regex(/^[1-9]\d{0,8}$/, 'a version number such as "2"').describe('the version to review'),
};

export function reviewFunctionPrompt(registry: Registry, name: string, versionText: string): GetPromptResult {
  const record = registry.getVersion(name, Number(versionText));
  if (!record) throw new JoineryError('NOT_FOUND', `no version ${name}@${versionText}`);
  const label = `${name}@${record.version}`;
  const active = registry.getActiveVersion(name);
  const baseline = active && active.version !== record.version ? active : record.version > 1 ? registry.getVersion(name, record.version - 1) : undefined;
  const { manifest } = record;
  const checklist = [
    `Review ${label} (${record.status.replace('_', ' ')}), authored by ${record.author}${record.requestedBy ? ` and requested by ${record.requestedBy}` : ''}.`,
    'Neither of them may approve it: if that is you, say so and stop.',
    '',
    `It declares: trigger ${manifest.trigger}; egress ${manifest.egress.join(', ') || '(none)'}; secrets ${manifest.secrets.join(', ') || '(none)'}.`,
    '',
    'Check, in this order:',
    '1. Reach: is every egress host and secret needed by the spec, and nothing more?',
    '2. The spec against the requirement: are the rules the ones the organisation wants?',
    '3. The source against the spec: every rule implemented, in order; no secret value logged or returned; failures thrown with clear messages.',
    '4. The fixtures: does each rule and edge case of the spec have one? Hard names (hyphens, apostrophes, diacritics), clashes and length limits?',
    `Then call the review_function tool with name "${name}", version ${record.version}, decision approve or reject, and a comment naming what you checked.`,
  ].join('\n');
  const messages: PromptMessage[] = [{ role: 'user', content: { type: 'text', text: checklist } }];
  if (baseline) {
    const diff = diffVersions(baseline, record);
    const reach = [...diff.egress.added.map((host) => `+ egress ${host}`), ...diff.egress.removed.map((host) => `- egress ${host}`), ...diff.secrets.added.map((secret) => `+ secret ${secret}`), ...diff.secrets.removed.map((secret) => `- secret ${secret}`)];
    messages.push({ role: 'user', content: { type: 'text', text: `Changes since ${name}@${baseline.version}${baseline === active ? ' (active)' : ''}:\n${reach.length > 0 ? reach.join('\n') : 'no change in reach'}\nfixtures ${diff.fixtures.from} → ${diff.fixtures.to}\n\n${diff.sourceDiff || 'source identical'}` } });
  }
  const embed = (part: 'spec' | 'source' | 'fixtures', mimeType: string, text: string): PromptMessage => ({ role: 'user', content: { type: 'resource', resource: { uri: versionUri(name, record.version, part), mimeType, text } } });
  if (record.spec) messages.push(embed('spec', 'text/markdown', record.spec));
  messages.push(embed('source', 'text/typescript', record.source));
  messages.push(embed('fixtures', 'application/json', JSON.stringify(record.fixtures, null, 2)));
  return { description: `Review ${label}`, messages };
}
