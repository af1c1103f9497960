import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { PLOTTED_FILES, pngName, seriesName } from './plotted-files';

describe('plotted files', () => {
  it('are four different NAB AWS series present in the shared data', () => {
    const nabData = path.join(process.env['TRAILPULSE_SHARED_DATA'] ?? path.resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'data'), 'nab', 'data');
    expect(new Set(PLOTTED_FILES).size).toBe(4);
    for (const file of PLOTTED_FILES) expect(existsSync(path.join(nabData, file))).toBe(true);
  });

  it("name each PNG after the series, prefixed by the detector unless it is the default, with file-system-safe characters", () => {
    expect(seriesName('realAWSCloudwatch/grok_asg_anomaly.csv')).toBe('grok_asg_anomaly');
    expect(pngName('robust-zscore', 'realAWSCloudwatch/iio_us-east-1_i-a2eb1cd9_NetworkIn.csv', true)).toBe('iio_us-east-1_i-a2eb1cd9_NetworkIn.png');
    expect(pngName('robust-zscore', 'realAWSCloudwatch/iio_us-east-1_i-a2eb1cd9_NetworkIn.csv', false)).toBe('robust-zscore_iio_us-east-1_i-a2eb1cd9_NetworkIn.png');
    expect(pngName('my detector/v2', 'c/a.csv', false)).toBe('my_detector_v2_a.png');
  });
});
