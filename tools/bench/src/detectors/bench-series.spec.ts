import path from 'node:path';
import { type NabSeries } from '@trailpulse/anomaly';
import { awsSeries, BenchSeriesError, longestSeries, nabDataDir, totalPoints } from './bench-series';

function series(file: string, points: number): NabSeries {
  const timestamps = Array.from({ length: points }, (_, i) => i * 300_000);
  return { file, timestampTexts: timestamps.map(String), timestamps, values: timestamps.map((_, i) => i) };
}

describe('awsSeries', () => {
  it('keeps only the AWS CloudWatch category, in order', () => {
    const picked = awsSeries([series('realAWSCloudwatch/a.csv', 3), series('realTweets/t.csv', 9), series('realAWSCloudwatch/b.csv', 2)], '/nab');
    expect(picked.map((s) => s.file)).toEqual(['realAWSCloudwatch/a.csv', 'realAWSCloudwatch/b.csv']);
    expect(totalPoints(picked)).toBe(5);
  });

  it('names the folder it expected when the category is missing', () => {
    expect(() => awsSeries([series('realTweets/t.csv', 9)], '/nab')).toThrow(BenchSeriesError);
    expect(() => awsSeries([], '/nab')).toThrow(`no realAWSCloudwatch series under ${path.join('/nab', 'data')}`);
  });
});

describe('longestSeries', () => {
  it('picks the series with the most points, the first of them on a tie', () => {
    expect(longestSeries([series('c/a.csv', 3), series('c/b.csv', 5), series('c/c.csv', 5)]).file).toBe('c/b.csv');
    expect(() => longestSeries([])).toThrow(BenchSeriesError);
  });
});

describe('nabDataDir', () => {
  it('prefers --data, then TRAILPULSE_SHARED_DATA, then the sibling shared folder', () => {
    expect(nabDataDir('/x/nab', '/ws/main', { TRAILPULSE_SHARED_DATA: '/data' })).toBe(path.resolve('/x/nab'));
    expect(nabDataDir(undefined, '/ws/main', { TRAILPULSE_SHARED_DATA: '/data' })).toBe(path.join('/data', 'nab'));
    expect(nabDataDir(undefined, '/ws/main', {})).toBe(path.join('/ws', 'shared', 'data', 'nab'));
  });
});
