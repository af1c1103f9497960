/** An analyzeFiles option out of range (e.g. `workers: 0`). */
export class AnalyzeFilesOptionsError extends Error {
  override readonly name = 'AnalyzeFilesOptionsError';
}

/** A scan worker failed or stopped before handing back its windows; the analysis has no result. */
export class ParallelAnalysisError extends Error {
  override readonly name = 'ParallelAnalysisError';
}

/** An error thrown inside a scan worker, rebuilt on the main thread (errors do not cross threads): the cause of a ParallelAnalysisError. */
export class ScanWorkerError extends Error {
  override readonly name = 'ScanWorkerError';

  constructor(message: string, workerStack: string | undefined) {
    super(message);
    if (workerStack !== undefined) this.stack = workerStack;
  }
}
