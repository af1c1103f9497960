import { chartOption, CHART_HEIGHT, CHART_WIDTH } from '../chart/chart-option';
import { type SeriesPlot } from '../nab/series-plot';
import { canonicalIds, renderSvg } from './render-svg';

const T0 = Date.UTC(2014, 1, 14);
const PLOT: SeriesPlot = {
  file: 'realAWSCloudwatch/grok_asg_anomaly.csv',
  detector: 'ewma-zscore',
  timestamps: [0, 1, 2, 3].map((i) => T0 + i * 300_000),
  values: [1, 2, 9, 2],
  scores: [0, 0.2, 0.8, 0.1],
  windows: [{ start: T0 + 300_000, end: T0 + 600_000 }],
  probation: undefined,
  threshold: 0.7,
  rawScore: 1,
  detections: { inWindow: [[T0 + 600_000, 9]], outside: [] },
};

describe('renderSvg', () => {
  it('renders the option to one SVG of the chart size, with its title, the same every time', () => {
    // Act
    const first = renderSvg(chartOption(PLOT), CHART_WIDTH, CHART_HEIGHT);
    const second = renderSvg(chartOption(PLOT), CHART_WIDTH, CHART_HEIGHT);
    // Assess
    expect(first).toMatch(new RegExp(`^<svg[^>]* width="${CHART_WIDTH}" height="${CHART_HEIGHT}"`));
    expect(first).toContain('grok_asg_anomaly: ewma-zscore');
    expect(first).toContain('threshold 0.700');
    expect(second).toBe(first);
  });
});

describe('canonicalIds', () => {
  it('renumbers instance prefixes and classes in order of first use, keeping distinct ids distinct', () => {
    expect(canonicalIds('<g class="zr7-cls-12"/><clipPath id="zr7-c0"/><g class="zr7-cls-9"/><g class="zr7-cls-12"/>')).toBe(
      '<g class="zr0-cls-0"/><clipPath id="zr0-c0"/><g class="zr0-cls-1"/><g class="zr0-cls-0"/>',
    );
  });
});
