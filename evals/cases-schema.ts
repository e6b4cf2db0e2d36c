// The eval cases file format: `{ "cases": [ { id, family, requirement, tests, ...optional } ] }`, each
// case's `tests` in the fixture format of contract.md. Any file in this format can be scored, so every
// problem is reported with the JSON path of the offending value, as the fixture format does.

import * as z from 'zod';
import { parseFixtures, type FixtureTest } from '../core/fixtures/index.ts';

/** Also a function name (the author is asked to use it), so it follows the registry's kebab-case rule. */
const CASE_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

const referenceSchema = z
  .strictObject({
    /** A template folder under templates/, instantiated with `params` over its defaults. */
    template: z.string().regex(/^[a-z][a-z0-9-]*$/, { message: 'must be a template folder name such as "username"' }).optional(),
    params: z.record(z.string(), z.unknown()).optional(),
    /** Or a TypeScript function file, relative to the cases file. */
    source: z.string().regex(/^[^/\\].*\.ts$/, { message: 'must name a .ts file relative to the cases file' }).optional(),
  })
  .refine((reference) => (reference.template === undefined) !== (reference.source === undefined), {
    message: 'set either "template" (with optional "params") or "source"',
  })
  .refine((reference) => reference.params === undefined || reference.template !== undefined, { message: '"params" goes with "template"' });

const caseSchema = z.strictObject({
  id: z.string().max(63, { message: 'must be at most 63 characters (it names the function)' }).regex(CASE_ID, { message: 'must be kebab-case, e.g. "username-first-initial"' }),
  family: z.string().regex(CASE_ID, { message: 'must be a kebab-case family name, e.g. "username"' }),
  requirement: z.string().refine((text) => text.trim().length > 0, { message: 'must not be blank' }).refine((text) => text.length <= 20_000, { message: 'must be at most 20000 characters' }),
  /** Hidden fixtures; validated separately with the fixture format's own messages. */
  tests: z.array(z.unknown()).min(1, { message: 'must hold at least one hidden fixture' }),
  /** false: the offline author is not expected to solve it (mixed families, unusual rules). Default true. */
  offline: z.boolean().optional(),
  notes: z.string().optional(),
  /** A known-correct solution, so the hidden fixtures themselves can be checked (`--provider reference`). */
  reference: referenceSchema.optional(),
});

const casesFileSchema = z.strictObject({ cases: z.array(caseSchema).min(1, { message: 'must hold at least one case' }) });

export type CaseReference = z.infer<typeof referenceSchema>;

export interface EvalCase {
  id: string;
  family: string;
  requirement: string;
  /** The hidden fixtures: they judge the authored function and are never shown to the author. */
  tests: FixtureTest[];
  offline: boolean;
  notes?: string;
  reference?: CaseReference;
}

export interface CasesProblem {
  /** JSON path from the file's root, e.g. `$.cases[3].tests[0].expect.output`. */
  path: string;
  message: string;
}

export type ParseCasesResult = { ok: true; cases: EvalCase[] } | { ok: false; problems: CasesProblem[] };

export function parseCasesText(text: string): ParseCasesResult {
  let value: unknown;
  try {
    value = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    return { ok: false, problems: [{ path: '$', message: `invalid JSON: ${(error as Error).message}` }] };
  }
  return parseCases(value);
}

export function parseCases(value: unknown): ParseCasesResult {
  const parsed = casesFileSchema.safeParse(value);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => ({ path: jsonPath(issue.path), message: describe(issue, value) })) };
  const problems: CasesProblem[] = [];
  const cases: EvalCase[] = [];
  const seen = new Map<string, number>();
  parsed.data.cases.forEach((entry, index) => {
    const first = seen.get(entry.id);
    if (first !== undefined) problems.push({ path: `$.cases[${index}].id`, message: `duplicate case id "${entry.id}": $.cases[${first}] has it too` });
    else seen.set(entry.id, index);
    const fixtures = parseFixtures(entry.tests);
    if (!fixtures.ok) {
      // The fixture parser names paths from the tests array ("$[2].input"); re-root them at this case.
      for (const problem of fixtures.errors) problems.push({ path: problem.path.replace(/^\$/, `$.cases[${index}].tests`), message: problem.message });
      return;
    }
    const { tests: _tests, offline, ...rest } = entry;
    cases.push({ ...rest, tests: fixtures.tests, offline: offline ?? true });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, cases };
}

function jsonPath(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>((path, segment) => {
    if (typeof segment === 'number') return `${path}[${segment}]`;
    const name = String(segment);
    return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? `${path}.${name}` : `${path}[${JSON.stringify(name)}]`;
  }, '$');
}

const ALLOWED_FIELDS: Array<[RegExp, string]> = [
  [/^\$$/, 'cases'],
  [/^\$\.cases\[\d+\]$/, 'id, family, requirement, tests, offline, notes, reference'],
  [/^\$\.cases\[\d+\]\.reference$/, 'template, params, source'],
];

function describe(issue: z.core.$ZodIssue, root: unknown): string {
  const where = jsonPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const allowed = ALLOWED_FIELDS.find(([pattern]) => pattern.test(where))?.[1];
    return `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}${allowed ? `; allowed here: ${allowed}` : ''}`;
  }
  if (issue.code === 'invalid_type' && !isPresent(root, issue.path)) return `required field is missing (expected ${issue.expected})`;
  return issue.message;
}

function isPresent(root: unknown, segments: readonly PropertyKey[]): boolean {
  let value: unknown = root;
  for (const segment of segments) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, segment)) return false;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return true;
}
