import { DEFAULT_DETECTOR, NAB_PROFILES, type NabCorpus, type NabSeries } from '@trailpulse/anomaly';
import { awsCorpus, PlotInputError, scoreCorpus } from './score-corpus';

const FIVE_MINUTES = 300_000;

/** 400 nearly flat points with one spike at row 300 (well past any warm-up), inside a window over rows 295-305. */
function spikeSeries(file: string): NabSeries {
  const timestamps = Array.from({ length: 400 }, (_, i) => i * FIVE_MINUTES);
  return { file, timestampTexts: timestamps.map(String), timestamps, values: timestamps.map((_, i) => (i === 300 ? 500 : 10 + (i % 3))) };
}

function corpusOf(series: NabSeries[]): NabCorpus {
  return {
    series,
    windows: new Map(series.map((s) => [s.file, [{ start: 295 * FIVE_MINUTES, end: 305 * FIVE_MINUTES }]])),
    labels: new Map(),
    profiles: NAB_PROFILES,
    thresholds: new Map(),
  };
}

describe('awsCorpus', () => {
  it('keeps the AWS CloudWatch series only, and needs at least one', () => {
    const corpus = corpusOf([spikeSeries('realAWSCloudwatch/a.csv'), spikeSeries('realTweets/t.csv')]);
    expect(awsCorpus(corpus).series.map((s) => s.file)).toEqual(['realAWSCloudwatch/a.csv']);
    expect(() => awsCorpus(corpusOf([spikeSeries('realTweets/t.csv')]))).toThrow(PlotInputError);
  });
});

describe('scoreCorpus', () => {
  it('runs the detector over every series and evaluates it under every profile', () => {
    // Act
    const scored = scoreCorpus(corpusOf([spikeSeries('realAWSCloudwatch/a.csv'), spikeSeries('realAWSCloudwatch/b.csv')]), DEFAULT_DETECTOR);
    // Assess
    expect([...scored.labelled.keys()]).toEqual(['realAWSCloudwatch/a.csv', 'realAWSCloudwatch/b.csv']);
    expect(scored.labelled.get('realAWSCloudwatch/a.csv')?.anomalyScores).toHaveLength(400);
    expect(scored.evaluation.standard.files.map((f) => f.file)).toEqual(['realAWSCloudwatch/a.csv', 'realAWSCloudwatch/b.csv']);
    // The spike is the only point far from the rest: the optimized threshold detects it in both windows.
    expect(scored.evaluation.standard.files.every((f) => f.tp >= 1)).toBe(true);
    expect(scored.detector).toBe(DEFAULT_DETECTOR);
  });

  it('names the unknown detector', () => {
    expect(() => scoreCorpus(corpusOf([spikeSeries('realAWSCloudwatch/a.csv')]), 'nope')).toThrow(/unknown detector "nope"/);
  });
});
