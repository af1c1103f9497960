/** NAB's probationary share of each file (nab/runner.py). */
export const PROBATIONARY_PERCENT = 0.15;
/** NAB caps the probationary period at this share of 5000 rows (nab/util.py getProbationPeriod). */
const PROBATION_CAP_ROWS = 5000;

/**
 * Rows at the start of a file that NAB ignores, to let detectors learn (SCORING.md §2):
 * min(floor(0.15 N), 0.15 × 5000). Same float arithmetic as NAB's Python, so the same rounding.
 */
export function probationLength(rowCount: number, percent = PROBATIONARY_PERCENT): number {
  return Math.min(Math.floor(percent * rowCount), percent * PROBATION_CAP_ROWS);
}
