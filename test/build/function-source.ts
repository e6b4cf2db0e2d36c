// Authored-function sources for the build tests. `runBody` lines start on line 5 of the file.

export const RUN_BODY_FIRST_LINE = 5;

export function functionSource({
  runBody = 'return { ok: true };',
  typeArgument = '',
  trigger = 'user.joined',
  egress = 'egress: [],',
}: { runBody?: string; typeArgument?: string; trigger?: string; egress?: string } = {}): string {
  return [
    "import { defineFunction } from '@joinery/sdk';",
    `export default defineFunction${typeArgument}({`,
    `  name: 'generate-username', description: 'test', trigger: '${trigger}', ${egress} secrets: [],`,
    '  async run(event, ctx) {',
    runBody,
    '  },',
    '});',
    '',
  ].join('\n');
}
