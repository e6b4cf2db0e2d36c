// Text shapes read as the families expect them: JSON arrays as lists, a shared first approval step
// distributed over a department list.

import { describe, expect, it } from 'vitest';
import { distributeFirstStep, normaliseLists } from '../../../agent/offline/grammar/normalise-lists.ts';

describe('normalising lists', () => {
  it('reads a JSON string array as a comma list', () => {
    expect(normaliseLists('Everybody gets ["All-Staff", "Wifi-Corp"]. Sales → ["Sales"]')).toBe('Everybody gets All-Staff, Wifi-Corp. Sales → Sales');
  });

  it('leaves other brackets alone', () => {
    expect(normaliseLists('Return { groups } [sorted]')).toBe('Return { groups } [sorted]');
  });

  it('distributes "their manager approves first, then the department head — …" over the departments', () => {
    const heads = 'Legal → gc@acme.com, HR → hrd@acme.com, every other department → ops@acme.com';
    const text = `Routing: their manager approves first, then the department head — ${heads}.`;
    expect(distributeFirstStep(text)).toBe(
      'Routing: Legal → their manager, then gc@acme.com. HR → their manager, then hrd@acme.com. every other department → their manager, then ops@acme.com.',
    );
  });
});
