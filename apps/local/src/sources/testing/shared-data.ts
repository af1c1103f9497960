/** The shared CloudTrail corpora (/work/shared/data next to the workspace, or $TRAILPULSE_SHARED_DATA). Tests only. */
import * as path from 'node:path';

export const SHARED_DATA_DIR = process.env['TRAILPULSE_SHARED_DATA'] ?? path.resolve(__dirname, '..', '..', '..', '..', '..', '..', 'shared', 'data');

export const CLOUDTRAIL_DATA_DIR = path.join(SHARED_DATA_DIR, 'cloudtrail');
