/** One evaluation's results, as `npm run eval` prints them and writes them to bench/results/eval.md. */
export interface EvalSection {
  /** Heading, e.g. "Clipping: body text (shingle F1)". */
  title: string;
  /** Column names of the table. */
  columns: string[];
  /** Table rows, already formatted. */
  rows: string[][];
  /** What limits the numbers, what a skipped part needs, and the exact command. */
  notes?: string[];
}
