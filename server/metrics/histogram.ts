// A Prometheus histogram with fixed buckets and labels (cumulative bucket counts, sum, count).

const DEFAULT_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

interface Series {
  buckets: number[];
  sum: number;
  count: number;
}

export interface Histogram {
  observe(labels: Record<string, string>, value: number): void;
  render(): string[];
}

export function createHistogram({ name, help, buckets = DEFAULT_BUCKETS_SECONDS }: { name: string; help: string; buckets?: number[] }): Histogram {
  const series = new Map<string, Series>();
  return {
    observe(labels, value) {
      const key = labelText(labels);
      const entry = series.get(key) ?? { buckets: buckets.map(() => 0), sum: 0, count: 0 };
      buckets.forEach((bound, index) => {
        if (value <= bound) entry.buckets[index] = (entry.buckets[index] ?? 0) + 1;
      });
      entry.sum += value;
      entry.count += 1;
      series.set(key, entry);
    },
    render() {
      const lines = [`# HELP ${name} ${help}`, `# TYPE ${name} histogram`];
      for (const [key, entry] of series) {
        buckets.forEach((bound, index) => lines.push(`${name}_bucket${withLabel(key, `le="${bound}"`)} ${entry.buckets[index] ?? 0}`));
        lines.push(`${name}_bucket${withLabel(key, 'le="+Inf"')} ${entry.count}`);
        lines.push(`${name}_sum${braces(key)} ${entry.sum}`, `${name}_count${braces(key)} ${entry.count}`);
      }
      return lines;
    },
  };
}

/** `a="1",b="2"` with values escaped as the exposition format requires. */
export function labelText(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([label, value]) => `${label}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`)
    .join(',');
}

export function braces(key: string): string {
  return key === '' ? '' : `{${key}}`;
}

function withLabel(key: string, extra: string): string {
  return `{${key === '' ? extra : `${key},${extra}`}}`;
}
