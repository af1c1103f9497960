import fs from 'node:fs';
import path from 'node:path';
import { catalogCoverage, classifyOperation, lookupOperation } from './classify';
import { catalogProvenance, catalogServices } from './service-catalog';

const sharedData = process.env['TRAILPULSE_SHARED_DATA'] ?? path.resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'data');

/** service_id column of services.csv (the first column; ids never need quoting). */
function serviceIdsInCsv(): string[] {
  const lines = fs.readFileSync(path.join(sharedData, 'aws-services', 'services.csv'), 'utf8').trim().split('\n');
  return lines.slice(1).map((line) => line.slice(0, line.indexOf(',')));
}

describe('catalogCoverage', () => {
  it('fully classifies at least 60 services', () => {
    // Prepare / Act
    const coverage = catalogCoverage();
    console.log(
      `catalog coverage: ${coverage.services} services, ${coverage.operations} operations, ` +
        `${coverage.fullyClassifiedServices.length} fully classified, by category ${JSON.stringify(coverage.byCategory)}`,
    );
    // Assess
    expect(coverage.fullyClassifiedServices.length).toBeGreaterThanOrEqual(60);
    expect(coverage.fullyClassifiedServices).toEqual(expect.arrayContaining(['ec2', 'iam', 's3', 'sts', 'lambda', 'kms']));
  });

  it('counts every operation in exactly one category', () => {
    // Prepare / Act
    const { operations, byCategory } = catalogCoverage();
    const counted = Object.values(byCategory).reduce((sum, n) => sum + n, 0);
    // Assess
    expect(operations).toBe(19_557);
    expect(counted).toBe(operations);
  });
});

describe('service catalog', () => {
  it('holds every service of services.csv', () => {
    // Prepare
    const expected = serviceIdsInCsv();
    // Act
    const ids = catalogServices().map((service) => service.id);
    // Assess
    expect(expected).toHaveLength(449);
    expect(ids).toEqual([...expected].sort());
  });

  it('records where it came from', () => {
    // Prepare / Act
    const provenance = catalogProvenance();
    // Assess
    expect(provenance.botocoreCommit).toMatch(/^[0-9a-f]{40}$/);
    expect(provenance.apiModelsAwsCommit).toMatch(/^[0-9a-f]{40}$/);
    expect(provenance.operationsCsvSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['ec2.amazonaws.com', 'RunInstances', 'create'],
    ['ec2.amazonaws.com', 'TerminateInstances', 'delete'],
    ['ec2.amazonaws.com', 'DescribeInstances', 'read'],
    ['ec2.amazonaws.com', 'AuthorizeSecurityGroupIngress', 'modify'],
    ['s3.amazonaws.com', 'PutBucketPolicy', 'create'],
    ['s3.amazonaws.com', 'GetObject', 'read'],
    ['s3.amazonaws.com', 'DeleteBucket', 'delete'],
    ['iam.amazonaws.com', 'CreateUser', 'create'],
    ['iam.amazonaws.com', 'DeleteUser', 'delete'],
    ['iam.amazonaws.com', 'AttachUserPolicy', 'modify'],
    ['sts.amazonaws.com', 'AssumeRole', 'read'],
    ['sts.amazonaws.com', 'GetCallerIdentity', 'read'],
    ['kms.amazonaws.com', 'Decrypt', 'read'],
    ['kms.amazonaws.com', 'DisableKey', 'delete'],
    ['cloudtrail.amazonaws.com', 'StopLogging', 'modify'],
    ['lambda.amazonaws.com', 'CreateFunction', 'create'],
    ['dynamodb.amazonaws.com', 'BatchGetItem', 'read'],
  ])('knows %s %s as %s', (eventSource, eventName, expected) => {
    // Prepare / Act
    const entry = lookupOperation(eventSource, eventName);
    const category = classifyOperation(eventSource, eventName);
    // Assess
    expect(entry?.category).toBe(expected);
    expect(category).toBe(expected);
  });

  it('keeps the model read-only evidence', () => {
    // Prepare / Act
    const headObject = lookupOperation('s3.amazonaws.com', 'HeadObject');
    const putObject = lookupOperation('s3.amazonaws.com', 'PutObject');
    const runInstances = lookupOperation('ec2.amazonaws.com', 'RunInstances');
    // Assess
    expect(headObject?.readOnly).toBe(true);
    expect(putObject?.readOnly).toBe(false);
    expect(runInstances?.readOnly).toBeNull();
  });
});
