// Input fields several tools share, with the limits every client gets told about in the JSON Schema.
// Descriptions are short on purpose: every client reads them all on tools/list.

import * as z from 'zod';

export const MAX_SOURCE_CHARS = 512 * 1024;
export const MAX_FIXTURES_CHARS = 2 * 1024 * 1024;
export const MAX_SPEC_CHARS = 64 * 1024;
export const MAX_REQUIREMENT_CHARS = 20_000;
export const MAX_COMMENT_CHARS = 4_000;

export const FUNCTION_NAME_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export const functionName = z
  .string()
  .min(1)
  .max(63)
  .regex(FUNCTION_NAME_PATTERN, 'must be kebab-case: lowercase letters a-z, digits and single hyphens, e.g. "generate-username"');

/** A name being chosen (save_draft, author_function): the listing shows its pattern there only. */
export const newFunctionName = functionName.meta({ description: 'as the source declares it', declaresName: true });

export const versionNumber = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

/** A version number, or `latest` (the newest, whatever its status) or `active` (the one that runs). */
export const versionRef = z.union([versionNumber, z.enum(['latest', 'active'])]);
export type VersionRef = z.infer<typeof versionRef>;

export const sourceText = z.string().min(1).max(MAX_SOURCE_CHARS);

/** Fixtures as the array of test cases (what get_function returns) or as the JSON text of one. */
export const fixturesInput = z
  .union([z.string().min(1).max(MAX_FIXTURES_CHARS), z.array(z.unknown()).min(1)])
  .describe('an array of test cases, or its JSON text');

export const specText = z.string().max(MAX_SPEC_CHARS).describe('Markdown, for the reviewer');

export const requirementText = z.string().min(1).max(MAX_REQUIREMENT_CHARS).describe("the person's words");

export const conversationId = z.string().min(1).max(200);

export const draftName = functionName;

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
