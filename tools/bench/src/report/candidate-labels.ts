import { type Candidate } from '../measure/child-protocol';

/** How the report names each candidate. */
export const CANDIDATE_LABELS: Readonly<Record<Candidate, string>> = {
  floor: 'JSON.parse floor',
  duckdb: 'DuckDB',
  chdb: 'chDB',
  engine: 'engine (1 thread)',
  'engine-node': 'engine (all cores)',
  'engine-state': 'engine window state',
};
