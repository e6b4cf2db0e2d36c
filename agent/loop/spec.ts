// The short structured spec the agent writes before any code: what a reviewer reads first, kept with the
// draft and the published version.

import * as z from 'zod';

export const specSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/).max(63).describe('kebab-case function name'),
  summary: z.string().min(1).max(500).describe('one or two sentences: what the function decides'),
  trigger: z.enum(['user.joined', 'user.moved', 'user.left', 'manual', 'schedule']),
  inputs: z.array(z.string().min(1)).describe('the event fields it reads, e.g. person.firstName'),
  output: z.string().min(1).describe('the shape of the returned value'),
  egress: z.array(z.string()).describe('hosts it calls; empty when none'),
  secrets: z.array(z.string()).describe('secret names it uses (each bound to its hosts in the definition); empty when none'),
  rules: z.array(z.string().min(1)).min(1).describe('the decisions, in order, as short sentences'),
  edgeCases: z.array(z.string().min(1)).min(1).describe('the cases the fixtures will cover'),
  assumptions: z.array(z.string()).default([]).describe('what the requirement left open and what was assumed'),
});

export type FunctionSpec = z.infer<typeof specSchema>;

export function renderSpec(spec: FunctionSpec): string {
  const list = (items: string[]) => (items.length === 0 ? '- (none)' : items.map((item) => `- ${item}`).join('\n'));
  return [
    `# ${spec.name}`,
    '',
    spec.summary,
    '',
    `**Trigger:** ${spec.trigger}  `,
    `**Output:** ${spec.output}  `,
    `**Egress:** ${spec.egress.join(', ') || '(none)'}  `,
    `**Secrets:** ${spec.secrets.join(', ') || '(none)'}`,
    '',
    '## Inputs',
    list(spec.inputs),
    '',
    '## Rules',
    spec.rules.map((rule, index) => `${index + 1}. ${rule}`).join('\n'),
    '',
    '## Edge cases tested',
    list(spec.edgeCases),
    ...(spec.assumptions.length > 0 ? ['', '## Assumptions', list(spec.assumptions)] : []),
    '',
  ].join('\n');
}
