import path from 'node:path';
import { awsServicesDir, CliUsageError, parseCliOptions } from './cli-options';

describe('parseCliOptions', () => {
  it('reads --check and --data', () => {
    // Prepare / Act
    const options = parseCliOptions(['--check', '--data', '/tmp/data']);
    // Assess
    expect(options).toEqual({ check: true, dataDir: '/tmp/data' });
  });

  it('defaults to writing with the default data folder', () => {
    // Prepare / Act
    const options = parseCliOptions([]);
    // Assess
    expect(options).toEqual({ check: false, dataDir: undefined });
  });

  it.each([[['--data']], [['--data', '--check']], [['--force']], [['extra']]])('rejects %p', (args) => {
    // Prepare / Act
    const parse = (): unknown => parseCliOptions(args);
    // Assess
    expect(parse).toThrow(CliUsageError);
  });
});

describe('awsServicesDir', () => {
  const root = path.resolve('/repo/main');

  it('prefers --data, then TRAILPULSE_SHARED_DATA, then shared/data beside the workspace', () => {
    // Prepare / Act
    const fromFlag = awsServicesDir({ check: false, dataDir: '/flag' }, '/env', root);
    const fromEnv = awsServicesDir({ check: false, dataDir: undefined }, '/env', root);
    const fallback = awsServicesDir({ check: false, dataDir: undefined }, undefined, root);
    // Assess
    expect(fromFlag).toBe(path.resolve('/flag', 'aws-services'));
    expect(fromEnv).toBe(path.resolve('/env', 'aws-services'));
    expect(fallback).toBe(path.resolve('/repo', 'shared', 'data', 'aws-services'));
  });
});
