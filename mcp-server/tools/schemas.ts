// Input fields several tools share, with the limits every client gets told about in the JSON Schema.

import * as z from 'zod';

export const MAX_SOURCE_CHARS = 512 * 1024;
export const MAX_FIXTURES_CHARS = 2 * 1024 * 1024;
export const MAX_SPEC_CHARS = 64 * 1024;
export const MAX_REQUIREMENT_CHARS = 20_000;
export const MAX_COMMENT_CHARS = 4_000;

export const functionName = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'must be kebab-case: lowercase letters a-z, digits and single hyphens, e.g. "generate-username"')
  .describe('the function name (kebab-case), e.g. "generate-username"');

export const versionNumber = z.number().int().min(1).max(999_999_999).describe('a version number, 1 for the first');

export const sourceText = z.string().min(1).max(MAX_SOURCE_CHARS).describe('the function: one TypeScript file importing only "@joinery/sdk" (see joinery://sdk/index.d.ts)');

export const fixturesText = z
  .string()
  .min(1)
  .max(MAX_FIXTURES_CHARS)
  .describe('the fixture file as JSON text: an array of test cases (see joinery://docs/fixture-format.md)');

export const specText = z.string().max(MAX_SPEC_CHARS).describe('the spec in Markdown: what the function decides, for the reviewer');

export const manifestSchema = z.object({
  name: z.string(),
  description: z.string(),
  trigger: z.string(),
  egress: z.array(z.string()),
  secrets: z.array(z.string()),
  secretHosts: z.record(z.string(), z.array(z.string())).optional().describe('the hosts each bound secret may be sent to; a secret not listed may go to every egress host'),
  oauth: z
    .record(z.string(), z.object({
      tokenUrl: z.string(),
      clientId: z.union([z.string(), z.object({ secret: z.string() })]),
      clientSecret: z.string(),
      scope: z.string().optional(),
      hosts: z.array(z.string()),
    }))
    .optional()
    .describe('OAuth 2.0 client-credentials clients by name: the host gets and sends their tokens'),
});
