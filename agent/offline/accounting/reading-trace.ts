// What each clause made the author produce: the parameters a rule wrote (even with the value they already
// had) and the examples it took, with the span of text the rule read. Recorded while the clauses are read,
// so that clause accounting can say what every clause became.

export interface TraceEntry {
  /** Index of the clause; -1 for what the family derived after reading every clause. */
  clause: number;
  /** A parameter name, or "example" for an input → output pair taken from the text. */
  produced: string;
  /** The value written then (a later message may revise it). */
  value?: unknown;
  /** The span the rule matched, as offsets into the clause text. */
  start: number;
  end: number;
}

export interface ReadingTrace {
  entries: TraceEntry[];
  /** Sets where the next writes are attributed; `undefined` for writes after the clauses (finish). */
  at(position: { clause: number; start: number; end: number } | undefined): void;
  /** Records that the current position produced something (a parameter or an example). */
  produced(name: string, value?: unknown): void;
  /** The params object, wrapped so that every write to a top-level parameter is recorded. */
  watch<P extends Record<string, unknown>>(params: P): P;
}

export function createReadingTrace(): ReadingTrace {
  const entries: TraceEntry[] = [];
  let position: { clause: number; start: number; end: number } | undefined;
  const produced = (name: string, value?: unknown) => {
    entries.push({ clause: position?.clause ?? -1, produced: name, value: structuredClone(value), start: position?.start ?? 0, end: position?.end ?? 0 });
  };
  return {
    entries,
    at: (next) => {
      position = next;
    },
    produced,
    watch: (params) =>
      new Proxy(params, {
        set(target, property, value) {
          if (typeof property === 'string') produced(property, value);
          return Reflect.set(target, property, value);
        },
      }),
  };
}
