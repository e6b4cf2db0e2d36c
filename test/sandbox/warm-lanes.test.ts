// Which warm isolate of a version takes the next run (sandbox/warm-lanes.ts).
import { describe, expect, it } from 'vitest';
import { chooseLane, type Lane } from '../../sandbox/warm-lanes.ts';

const ready: Lane = { busy: false, ready: true };
const preparing: Lane = { busy: false, ready: false };
const busy: Lane = { busy: true, ready: false };

describe('chooseLane', () => {
  it('takes an idle lane whose context is ready, wherever it is', () => {
    expect(chooseLane([preparing, ready], false)).toEqual({ index: 1, open: false });
    expect(chooseLane([ready, undefined], true)).toEqual({ index: 0, open: false });
  });

  it('opens the first lane of a version', () => {
    expect(chooseLane([undefined, undefined], false)).toEqual({ index: 0, open: true });
  });

  it('opens a second lane while the first prepares, when a spare isolate is ready', () => {
    expect(chooseLane([preparing, undefined], true)).toEqual({ index: 1, open: true });
  });

  it('waits for the preparing lane when opening one would mean creating an isolate in line', () => {
    expect(chooseLane([preparing, undefined], false)).toEqual({ index: 0, open: false });
  });

  it('opens a lane when every lane is busy, and gives none when no slot is left', () => {
    expect(chooseLane([busy, undefined], false)).toEqual({ index: 1, open: true });
    expect(chooseLane([busy, busy], true)).toBeUndefined();
    expect(chooseLane([busy], true)).toBeUndefined();
  });
});
