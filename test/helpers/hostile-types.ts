// The function from issue 9 that froze the server: about 2 KB of nested template-literal types. `N3` is a
// union of 1,000 strings; each `T` distributes over it and maps over it again (a million members), and
// there are 20 of them. TypeScript 7 spends about two seconds on each, so a minute on the file, with
// 4 GB of memory; with no limit, `joinery check` took ~55 s and blocked every other request.

export function hostileTypesSource({ repeats = 20 }: { repeats?: number } = {}): string {
  const lines = [
    "import { defineFunction } from '@joinery/sdk';",
    "type D = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';",
    'type N3 = `${D}${D}${D}`;',
  ];
  for (let index = 1; index <= repeats; index += 1) {
    lines.push(`type T${index}<X extends string = N3> = X extends string ? { [K in N3]: \`\${X}\${K}${index}\` }[N3] : never;`);
    lines.push(`export type U${index} = T${index};`);
  }
  lines.push("export default defineFunction({ name: 'slow-types', description: 'd', trigger: 'manual', egress: [], secrets: [], async run() { return {}; } });");
  return `${lines.join('\n')}\n`;
}
