// Loads a template folder (templates/<family>/) for tests: its definition, source and parsed fixtures.

import { readFileSync } from 'node:fs';
import type { FunctionManifest } from '../../core/execution/types.ts';
import { parseFixtureFile, runFixtures, type FixtureTest, type TestReport } from '../../core/fixtures/index.ts';
import type { FunctionDefinition } from '../../core/sdk/index.ts';
import { createInProcessRunner } from '../helpers/in-process-context.ts';

export interface LoadedTemplate {
  definition: FunctionDefinition<any>;
  source: string;
  tests: FixtureTest[];
}

// Imported by URL so the project's tsc does not follow it: a template's '@joinery/sdk' resolves through
// the pipeline's checker (and vitest's alias), not through tsconfig.
export async function loadTemplate(family: string): Promise<LoadedTemplate> {
  const folder = new URL(`../../templates/${family}/`, import.meta.url);
  const module = (await import(new URL(`${family}.ts`, folder).href)) as { default: FunctionDefinition<any> };
  const parsed = parseFixtureFile(readFileSync(new URL(`${family}.fixtures.json`, folder), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.map((error) => `${error.path}: ${error.message}`).join('\n'));
  return { definition: module.default, source: readFileSync(new URL(`${family}.ts`, folder), 'utf8'), tests: parsed.tests };
}

/** Runs fixtures against the template's definition in process (no bundle, no isolate), held to its manifest. */
export async function runTemplateFixtures(template: LoadedTemplate, tests: FixtureTest[] = template.tests): Promise<TestReport> {
  const runner = createInProcessRunner({ definition: template.definition });
  return runFixtures({ bundle: '', tests, runner, manifest: await templateManifest(template) });
}

/** The manifest the template declares, as the sandbox reads it. */
export async function templateManifest(template: LoadedTemplate): Promise<FunctionManifest> {
  const described = await createInProcessRunner({ definition: template.definition }).describe({ bundle: '' });
  if (!described.ok) throw new Error(described.message);
  return described.manifest;
}

/** Module specifiers the source imports: a template may import only '@joinery/sdk' and allowlisted packages. */
export function importedModules(source: string): string[] {
  return [...source.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((match) => match[1]!);
}
