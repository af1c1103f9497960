import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRecordLikeObjects, sharedDataDir } from '../schema/testing/cloudtrail-corpora';
import { serviceShortName } from './index';

const SUFFIX = '.amazonaws.com';

/** Every event source the AWS service catalog knows (services.csv), found by shape so CSV quoting does not matter. */
function catalogEventSources(): string[] {
  const csv = fs.readFileSync(path.join(sharedDataDir, 'aws-services', 'services.csv'), 'utf8');
  return [...new Set(csv.match(/\b[a-z0-9][a-z0-9.-]*\.amazonaws\.com\b/g) ?? [])];
}

describe('serviceShortName', () => {
  it.each([
    ['ec2.amazonaws.com', 'ec2'],
    ['s3.amazonaws.com', 's3'],
    ['access-analyzer.amazonaws.com', 'access-analyzer'],
    ['streams.dynamodb.amazonaws.com', 'streams.dynamodb'],
  ])('%p -> %p', (eventSource, expected) => {
    expect(serviceShortName(eventSource)).toBe(expected);
  });

  it.each([
    ['no suffix', 'ec2', 'ec2'],
    ['a placeholder', '...', '...'],
    ['the suffix in the middle', 'amazonaws.com.evil', 'amazonaws.com.evil'],
    ['the bare suffix', '.amazonaws.com', 'unknown'],
    ['an empty string', '', 'unknown'],
    ['null', null, 'unknown'],
    ['undefined', undefined, 'unknown'],
    ['a number', 42, 'unknown'],
    ['an object', { eventSource: 'ec2.amazonaws.com' }, 'unknown'],
  ])('tolerates %s', (_case, eventSource, expected) => {
    expect(serviceShortName(eventSource)).toBe(expected);
  });

  it('gives every catalog event source a distinct, non-empty name that restores the source', () => {
    // Prepare
    const eventSources = catalogEventSources();

    // Act
    const shortNames = eventSources.map((eventSource) => serviceShortName(eventSource));

    // Assess
    expect(eventSources.length).toBeGreaterThan(300);
    expect(shortNames.map((name) => `${name}${SUFFIX}`)).toEqual(eventSources);
    expect(new Set(shortNames).size).toBe(eventSources.length);
  });

  it('never returns an empty name for the eventSource values in the corpora', () => {
    // Prepare
    const eventSources = allRecordLikeObjects().map(({ record }) => record['eventSource']);

    // Act
    const empty = eventSources.filter((eventSource) => serviceShortName(eventSource) === '');

    // Assess
    expect(empty).toEqual([]);
  });
});
