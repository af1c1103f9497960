import * as path from 'node:path';

/** The shared test data folder (/work/shared/data next to the workspace), overridable for other layouts. */
export const SHARED_DATA_DIR = process.env['TRAILPULSE_SHARED_DATA'] ?? path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'data');

export const CLOUDTRAIL_DATA_DIR = path.join(SHARED_DATA_DIR, 'cloudtrail');
