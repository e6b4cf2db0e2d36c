import { afterAll, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { createHarness } from './harness.ts';
const harness = createHarness();
afterAll(() => harness.close());
it('size', async () => {
  const c = await harness.connect({ name: 'ada', role: 'admin' });
  const tools = await c.listTools();
  writeFileSync('/tmp/mcpscratch/tools2.json', JSON.stringify(tools, null, 1));
  console.log('TOTAL', JSON.stringify(tools).length);
  for (const t of tools.tools) console.log(t.name, JSON.stringify(t).length, 'in', JSON.stringify(t.inputSchema).length, 'out', JSON.stringify(t.outputSchema).length, 'desc', t.description?.length);
}, 60000);
