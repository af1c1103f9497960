import { readmeText } from './readme';

describe('readmeText', () => {
  it('says which command, detector, threshold, date and browser made each PNG', () => {
    const text = readmeText({
      command: 'node tools/plots/bin/plots.mjs',
      detector: 'robust-zscore',
      isDefault: true,
      threshold: 0.50123,
      standardScore: 48.081,
      seriesCount: 17,
      date: '2026-12-01',
      chromium: 'Chromium 150.0.7871.100',
      pngs: [
        { file: 'robust-zscore_a.png', series: 'realAWSCloudwatch/a.csv', rawScore: 1.4012 },
        { file: 'robust-zscore_b.png', series: 'realAWSCloudwatch/b.csv', rawScore: -3 },
      ],
    });
    expect(text).toContain('Generated on 2026-12-01 by `node tools/plots/bin/plots.mjs`');
    expect(text).toContain("Detector: `robust-zscore` (the registry's default");
    expect(text).toContain('threshold\n0.5012');
    expect(text).toContain('normalized standard score 48.08');
    expect(text).toContain('Chromium 150.0.7871.100');
    expect(text).toContain('| [robust-zscore_a.png](robust-zscore_a.png) | `realAWSCloudwatch/a.csv` | 1.401 |');
    expect(text).toContain('| [robust-zscore_b.png](robust-zscore_b.png) | `realAWSCloudwatch/b.csv` | -3.000 |');
  });
});
