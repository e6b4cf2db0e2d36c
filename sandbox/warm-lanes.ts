// Which warm isolate of a version takes the next run. A version may have up to `lanes` warm isolates
// (default 2): a run ending on one starts preparing that isolate's next context on its own thread, so when
// runs come back to back the next one takes the other isolate, whose context is ready, instead of waiting
// for the first (a context with the prelude is most of a warm run's cost). Different versions never share
// an isolate; lanes are isolates of one version.

export interface Lane {
  busy: boolean;
  /** Its next context is prepared. */
  ready: boolean;
}

/**
 * An idle lane that is ready; else a new lane when a slot is free and either no lane is idle or a prepared
 * spare isolate makes opening one cheaper than waiting; else an idle lane (waiting for its context); else
 * undefined: every lane is busy and no slot is free.
 */
export function chooseLane(lanes: ReadonlyArray<Lane | undefined>, spareReady: boolean): { index: number; open: boolean } | undefined {
  const idle = (lane: Lane | undefined): lane is Lane => lane !== undefined && !lane.busy;
  const ready = lanes.findIndex((lane) => idle(lane) && lane.ready);
  if (ready >= 0) return { index: ready, open: false };
  const free = lanes.indexOf(undefined);
  const waiting = lanes.findIndex(idle);
  if (free >= 0 && (waiting < 0 || spareReady)) return { index: free, open: true };
  return waiting >= 0 ? { index: waiting, open: false } : undefined;
}
