/** Small statistics and table helpers for the benchmarks. */

/** The q-quantile (0..1) of `values` by nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

/** One row of the results table. */
export interface BenchRow {
  name: string;
  runs: number;
  median: number;
  p95: number;
  unit: string;
  target?: string;
  note?: string;
}

/** A row from raw samples. */
export function row(
  name: string,
  samples: readonly number[],
  unit: string,
  extra: Partial<BenchRow> = {},
): BenchRow {
  return {
    name,
    runs: samples.length,
    median: quantile(samples, 0.5),
    p95: quantile(samples, 0.95),
    unit,
    ...extra,
  };
}

/** Renders rows as a Markdown table. */
export function markdownTable(rows: readonly BenchRow[]): string {
  const fmt = (n: number): string => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
  const lines = [
    '| benchmark | runs | median | p95 | unit | target | note |',
    '|---|---:|---:|---:|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.runs} | ${fmt(r.median)} | ${fmt(r.p95)} | ${r.unit} | ${r.target ?? ''} | ${r.note ?? ''} |`,
    ),
  ];
  return lines.join('\n');
}
