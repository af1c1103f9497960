// Node-only part of @trailpulse/anomaly (`@trailpulse/anomaly/node`): NAB directories on disk.
export { NabDirectoryError } from './errors';
export { readNabCorpus } from './read-corpus';
export { publishedDetectors, readPublishedResults, resultPath } from './read-results';
export { writeNabResults } from './write-results';
