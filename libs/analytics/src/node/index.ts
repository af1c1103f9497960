// Node-only entry point of @trailpulse/analytics ('@trailpulse/analytics/node'): multi-core analysis of files.
export { analyzeFiles, type AnalyzeFilesOptions } from './analyze-files';
export { AnalyzeFilesOptionsError, ParallelAnalysisError, ScanWorkerError } from './analyze-files-errors';
export { WorkerScriptError, workspaceScript } from './worker-script';
