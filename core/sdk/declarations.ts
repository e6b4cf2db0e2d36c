import { readFileSync } from 'node:fs';

export const SDK_MODULE_NAME = '@joinery/sdk';

const typesSource = readFileSync(new URL('./sdk-types.ts', import.meta.url), 'utf8');

/** The whole SDK as one `.d.ts` text: what the type-checker uses and what models and assistants read. */
export const SDK_DECLARATIONS = `declare module '${SDK_MODULE_NAME}' {\n${typesSource
  .split('\n')
  .filter((line) => !line.startsWith('//'))
  // Inside `declare module` everything is already ambient: a nested `declare` is error TS1038.
  .map((line) => line.replace(/^export declare /, 'export '))
  .map((line) => (line ? `  ${line}` : line))
  .join('\n')}}\n`;

/** The module authored code gets at run time for `@joinery/sdk`: definitions pass through unchanged. */
export const SDK_RUNTIME_SOURCE = 'export function defineFunction(definition) { return definition; }\n';
