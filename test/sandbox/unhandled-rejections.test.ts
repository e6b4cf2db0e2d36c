// A promise rejection the function leaves unhandled: what run() settles with is the outcome, and the
// rejection is a warning in the logs (docs/contract.md, "Unhandled rejections"). Wherever in the run the
// rejection happens, before or after an awaited ctx call, the answer is the same.
import { afterAll, describe, expect, it } from 'vitest';
import { createExecutor } from '../../sandbox/index.ts';
import { bundleFunction, functionSource } from './helpers/bundle-function.ts';
import { createFakeHost } from './helpers/fake-host.ts';

const executor = createExecutor({ limits: { wallTimeMs: 3_000, cpuTimeMs: 1_500 } });
afterAll(() => executor.close());

async function run(body: string, declarations = '') {
  return executor.run({ ...(await bundleFunction(functionSource({ run: body, declarations }))), event: {} }, createFakeHost({ taken: ['jsmith'] }));
}

const AWAIT_CTX = `await ctx.directory.isUsernameTaken('jsmith');`;
const LEFT_BEHIND: Array<[where: string, body: string, rejection: string]> = [
  ['before returning', `Promise.reject(new Error('late')); return 'value';`, 'Error: late'],
  ['after an awaited ctx call', `${AWAIT_CTX} Promise.reject(new Error('late')); return 'value';`, 'Error: late'],
  ['before an awaited ctx call', `Promise.reject(new TypeError('early')); ${AWAIT_CTX} return 'value';`, 'TypeError: early'],
  ['by a task the function started and did not await', `(async () => { ${AWAIT_CTX} throw new Error('orphan'); })(); ${AWAIT_CTX} ${AWAIT_CTX} return 'value';`, 'Error: orphan'],
  ['with a string rather than an Error', `Promise.reject('plain text'); return 'value';`, 'plain text'],
];

describe('unhandled promise rejections', () => {
  it.each(LEFT_BEHIND)('keeps the returned value when a rejection is left %s, and logs a warning naming it', async (_where, body, rejection) => {
    const result = await run(body);
    expect(result.outcome).toEqual({ kind: 'returned', value: 'value' });
    expect(result.logs).toEqual([expect.objectContaining({ level: 'warn', message: `unhandled promise rejection: ${rejection}` })]);
  });

  it('still ends as threw when the function awaits the rejection', async () => {
    const result = await run(`await Promise.reject(new Error('awaited')); return 'value';`);
    expect(result.outcome).toMatchObject({ kind: 'threw', message: 'Error: awaited' });
    expect(result.logs).toEqual([]);
  });

  it('still ends as threw when run() itself rejects after an unhandled one', async () => {
    const result = await run(`Promise.reject(new Error('first')); ${AWAIT_CTX} throw new RangeError('second');`);
    expect(result.outcome).toMatchObject({ kind: 'threw', message: 'RangeError: second' });
    expect(result.logs).toEqual([expect.objectContaining({ level: 'warn', message: 'unhandled promise rejection: Error: first' })]);
  });

  it('treats a rejection left at the top level of the file the same way', async () => {
    const result = await run(`return 'value';`, `Promise.reject(new Error('at load'));`);
    expect(result.outcome).toEqual({ kind: 'returned', value: 'value' });
    expect(result.logs).toEqual([expect.objectContaining({ level: 'warn', message: 'unhandled promise rejection: Error: at load' })]);
  });

  it('logs nothing for a rejection handled before the run ends', async () => {
    const result = await run(`const pending = Promise.reject(new Error('caught')); pending.catch(() => undefined); ${AWAIT_CTX} return 'value';`);
    expect(result.outcome).toEqual({ kind: 'returned', value: 'value' });
    expect(result.logs).toEqual([]);
  });

  it('caps the warning text of a huge rejection message', async () => {
    const result = await run(`Promise.reject(new Error('x'.repeat(100_000))); return 'value';`);
    expect(result.outcome).toEqual({ kind: 'returned', value: 'value' });
    expect(result.logs[0]?.message.length).toBeLessThan(1_100);
  });
});
