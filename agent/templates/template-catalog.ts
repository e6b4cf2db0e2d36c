// The template folders under templates/: one per rule family, each a parameterised function, its fixtures
// and a README whose first line describes it. The agent shows them to the model as examples and the
// offline author instantiates them.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TemplateEntry {
  family: string;
  description: string;
  source: string;
  fixturesText: string;
  readme: string;
}

export function loadTemplates(templatesDir: string): TemplateEntry[] {
  if (!existsSync(templatesDir)) return [];
  return readdirSync(templatesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .flatMap((family) => {
      const folder = join(templatesDir, family);
      const sourcePath = join(folder, `${family}.ts`);
      const fixturesPath = join(folder, `${family}.fixtures.json`);
      if (!existsSync(sourcePath) || !existsSync(fixturesPath)) return [];
      const readmePath = join(folder, 'README.md');
      const readme = existsSync(readmePath) ? readFileSync(readmePath, 'utf8') : '';
      const description = readme.split('\n').map((line) => line.replace(/^#+\s*/, '').trim()).find(Boolean) ?? family;
      return [{ family, description, source: readFileSync(sourcePath, 'utf8'), fixturesText: readFileSync(fixturesPath, 'utf8'), readme }];
    });
}

export const PARAMS_START = '/* joinery:params:start */';
export const PARAMS_END = '/* joinery:params:end */';
const PARAMS_PATTERN = /\/\* joinery:params:start \*\/\s*const PARAMS: Params = ([\s\S]*?);\s*\/\* joinery:params:end \*\//;

/** The default parameters a template declares between its marker comments. */
export function readTemplateParams(source: string): Record<string, unknown> {
  const match = PARAMS_PATTERN.exec(source);
  if (!match) throw new Error('the template has no joinery:params block');
  return JSON.parse(match[1]!) as Record<string, unknown>;
}

/** The template with its parameter block replaced; everything else is kept byte for byte. */
export function instantiateTemplate(source: string, params: Record<string, unknown>): string {
  if (!PARAMS_PATTERN.test(source)) throw new Error('the template has no joinery:params block');
  return source.replace(PARAMS_PATTERN, () => `${PARAMS_START}\nconst PARAMS: Params = ${JSON.stringify(params, null, 2)};\n${PARAMS_END}`);
}
