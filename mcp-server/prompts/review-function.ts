// The prompt that sets a reviewer's assistant up to review one version: the checklist, the requirement
// it was written for, what changed since the active version, and the spec, source and fixtures embedded.

import { completable } from '@modelcontextprotocol/sdk/server/completable.js';
import type { GetPromptResult, PromptMessage } from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod';
import { diffVersions } from '../../core/diff/index.ts';
import type { Registry } from '../../core/registry/types.ts';
import { completeFunctionName, completeVersion, versionUri } from '../resources/index.ts';
import { functionName } from '../tools/schemas.ts';
import { resolveVersion } from '../tools/version-ref.ts';

export function reviewFunctionArgs(registry: Registry) {
  return {
    // completable() marks the schema it is given, so each server gets its own copy of the shared one.
    name: completable(functionName.clone(), completeFunctionName(registry)),
    version: completable(z.string().regex(/^(?:[1-9]\d{0,8}|latest|active)$/, 'a version number such as "2", or latest').describe('the version to review: a number, or latest'), completeVersion(registry)),
  };
}

export function reviewFunctionPrompt(registry: Registry, name: string, versionText: string): GetPromptResult {
  const record = resolveVersion(registry, name, versionText === 'latest' || versionText === 'active' ? versionText : Number(versionText));
  const label = `${name}@${record.version}`;
  const active = registry.getActiveVersion(name);
  const baseline = active && active.version !== record.version ? active : record.version > 1 ? registry.getVersion(name, record.version - 1) : undefined;
  const { manifest } = record;
  const checklist = [
    `Review ${label} (${record.status.replace('_', ' ')}), authored by ${record.author}${record.requestedBy ? ` and requested by ${record.requestedBy}` : ''}.`,
    'Neither of them may approve it: if that is you, say so and stop.',
    '',
    record.requirement ? `It was written for this requirement:\n> ${record.requirement.split('\n').join('\n> ')}` : 'No requirement was kept with it: ask its author what was asked for before you approve.',
    '',
    `It declares: trigger ${manifest.trigger}; egress ${manifest.egress.join(', ') || '(none)'}; secrets ${manifest.secrets.join(', ') || '(none)'}.`,
    '',
    'Check, in this order:',
    '1. Reach: is every egress host and secret needed by the requirement, and nothing more?',
    '2. The spec against the requirement above: are the rules the ones that were asked for, and are its assumptions acceptable?',
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
