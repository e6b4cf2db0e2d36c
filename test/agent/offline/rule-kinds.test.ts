// The contract every rule kind and family of the offline author keeps: it can write a function (generated
// from its reading, or a template's), it derives fixtures, and the project's eval cases exercise it.

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadTemplates, readTemplateParams, RECOGNIZERS } from '../../../agent/index.ts';
import type { Recognition } from '../../../agent/offline/recognizer.ts';

const templates = loadTemplates(fileURLToPath(new URL('../../../templates', import.meta.url)));
// Both sets: the project's cases and the fresh ones written without reading the recognizers.
const caseFolders = [fileURLToPath(new URL('../../../evals/cases', import.meta.url)), fileURLToPath(new URL('../../../evals/fresh', import.meta.url))];
const caseFamilies = caseFolders
  .flatMap((folder) => readdirSync(folder).filter((file) => file.endsWith('.json')).map((file) => `${folder}/${file}`))
  .flatMap((path) => (JSON.parse(readFileSync(path, 'utf8')) as { cases: Array<{ family: string; offline?: boolean }> }).cases)
  .filter((evalCase) => evalCase.offline !== false)
  .map((evalCase) => evalCase.family);

function readingOf(params: Record<string, unknown>, examples: Recognition['examples'] = []): Recognition {
  return { params: structuredClone(params), assumptions: [], problems: [], examples, stated: new Set() };
}

describe.each(RECOGNIZERS.map((recognizer) => [recognizer.family, recognizer] as const))('rule kind %s', (family, recognizer) => {
  const template = templates.find((entry) => entry.family === family);
  const defaults = recognizer.defaults ?? (template ? readTemplateParams(template.source) : {});

  it('writes a function: generated from its reading, or from its template', () => {
    expect(recognizer.generate !== undefined || template !== undefined).toBe(true);
    if (recognizer.generate) expect(readTemplateParams(recognizer.generate(readingOf(defaults)))).toEqual(defaults);
  });

  it('derives fixtures from its reading', () => {
    expect(recognizer.fixtures(readingOf(defaults)).length).toBeGreaterThan(0);
  });

  it('has eval cases the offline author is expected to solve', () => {
    expect(caseFamilies.filter((caseFamily) => caseFamily === family).length).toBeGreaterThanOrEqual(3);
  });
});

describe('a generated kind takes the examples in the text literally', () => {
  const generated = RECOGNIZERS.filter((recognizer) => recognizer.generate).map((recognizer) => [recognizer.family, recognizer] as const);
  it.each(generated)('%s', (_family, recognizer) => {
    // A wrong expected output on purpose: the fixture must carry it as written, so the function fails it.
    const fixtures = recognizer.fixtures(readingOf(recognizer.defaults ?? {}, [{ input: 'John Smith', output: 'as-written-1' }]));
    const example = fixtures.find((fixture) => fixture.name.startsWith('example 1 from the requirement'));
    expect(JSON.stringify(example?.expect)).toContain('as-written-1');
  });
});
