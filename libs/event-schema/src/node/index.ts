// Node-only adapters of @trailpulse/event-schema: files, directories, gzip and stdin for the streaming readers.
export { InputPathError } from './input-path-error';
export { gunzipIfCompressed } from './gunzip';
export { readInputs, readPaths, type ReadPathsOptions, type SourceBatch, STDIN_SOURCE } from './read-paths';
export { type InputEntry, resolveInputs, type ResolvedInputs, STDIN_PATH } from './resolve-inputs';
