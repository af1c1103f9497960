/**
 * The API calls of the demo's background traffic, grouped by what a kind of principal does. Each is a
 * real (eventSource, eventName) of the service catalog with the readOnly value CloudTrail logs for it
 * (a test checks both against libs/event-schema's catalog). Weights are relative within a group.
 */

export interface CallSpec {
  readonly eventSource: string;
  readonly eventName: string;
  readonly readOnly: boolean;
  readonly weight: number;
  /** A data event (object-level S3, Lambda Invoke, DynamoDB items): eventCategory Data, managementEvent false. */
  readonly data?: boolean;
  /** A global service: logged in us-east-1 whatever region the caller works in. */
  readonly global?: boolean;
}

type Row = readonly [service: string, eventName: string, readOnly: boolean, weight: number, flags?: 'data' | 'global'];

function group(rows: readonly Row[]): readonly CallSpec[] {
  return rows.map(([service, eventName, readOnly, weight, flag]) => ({
    eventSource: `${service}.amazonaws.com`,
    eventName,
    readOnly,
    weight,
    ...(flag === 'data' ? { data: true } : {}),
    ...(flag === 'global' ? { global: true } : {}),
  }));
}

export const CALL_GROUPS = {
  /** People in the console: browsing, some changes. */
  consoleAdmin: group([
    ['ec2', 'DescribeInstances', true, 8],
    ['ec2', 'DescribeSecurityGroups', true, 4],
    ['ec2', 'DescribeVpcs', true, 2],
    ['ec2', 'DescribeVolumes', true, 2],
    ['ec2', 'AuthorizeSecurityGroupIngress', false, 0.3],
    ['ec2', 'StopInstances', false, 0.2],
    ['s3', 'ListBuckets', true, 3],
    ['s3', 'GetBucketPolicy', true, 2],
    ['s3', 'GetBucketAcl', true, 2],
    ['s3', 'PutBucketPolicy', false, 0.1],
    ['iam', 'ListRoles', true, 2, 'global'],
    ['iam', 'GetRole', true, 2, 'global'],
    ['iam', 'ListAttachedRolePolicies', true, 1, 'global'],
    ['iam', 'ListUsers', true, 1, 'global'],
    ['iam', 'AttachRolePolicy', false, 0.1, 'global'],
    ['monitoring', 'GetMetricData', true, 6],
    ['monitoring', 'DescribeAlarms', true, 3],
    ['monitoring', 'PutMetricAlarm', false, 0.2],
    ['logs', 'DescribeLogGroups', true, 3],
    ['logs', 'FilterLogEvents', true, 3],
    ['lambda', 'ListFunctions20150331', true, 2],
    ['lambda', 'GetFunction20150331v2', true, 1],
    ['rds', 'DescribeDBInstances', true, 2],
    ['cloudformation', 'DescribeStacks', true, 2],
    ['cloudtrail', 'LookupEvents', true, 1],
    ['kms', 'ListAliases', true, 1],
    ['secretsmanager', 'ListSecrets', true, 1],
    ['route53', 'ListHostedZones', true, 1, 'global'],
    ['organizations', 'DescribeOrganization', true, 0.5, 'global'],
    ['ecs', 'ListClusters', true, 1],
    ['eks', 'DescribeCluster', true, 1],
  ]),
  /** Read-only people: looking, never touching. */
  consoleReadOnly: group([
    ['ec2', 'DescribeInstances', true, 6],
    ['ec2', 'DescribeSubnets', true, 2],
    ['s3', 'ListBuckets', true, 3],
    ['s3', 'GetBucketLocation', true, 2],
    ['monitoring', 'GetMetricData', true, 8],
    ['monitoring', 'DescribeAlarms', true, 2],
    ['logs', 'FilterLogEvents', true, 3],
    ['logs', 'GetLogEvents', true, 2],
    ['dynamodb', 'DescribeTable', true, 2],
    ['dynamodb', 'ListTables', true, 1],
    ['ecs', 'DescribeServices', true, 2],
    ['elasticloadbalancing', 'DescribeTargetHealth', true, 2],
  ]),
  /** CI/CD and infrastructure as code: describe a lot, change what the plan says. */
  deploy: group([
    ['cloudformation', 'DescribeStacks', true, 6],
    ['cloudformation', 'DescribeStackEvents', true, 6],
    ['cloudformation', 'CreateChangeSet', false, 0.5],
    ['cloudformation', 'DescribeChangeSet', true, 1.5],
    ['cloudformation', 'ExecuteChangeSet', false, 0.5],
    ['s3', 'PutObject', false, 2, 'data'],
    ['s3', 'GetObject', true, 2, 'data'],
    ['ecr', 'GetAuthorizationToken', true, 1],
    ['ecr', 'InitiateLayerUpload', false, 0.5],
    ['ecr', 'PutImage', false, 0.3],
    ['ecs', 'UpdateService', false, 0.3],
    ['ecs', 'DescribeServices', true, 3],
    ['lambda', 'UpdateFunctionCode20150331v2', false, 0.3],
    ['lambda', 'GetFunction20150331v2', true, 1],
    ['iam', 'GetRole', true, 1, 'global'],
    ['sts', 'GetCallerIdentity', true, 1],
    ['ssm', 'GetParameter', true, 2],
    ['ec2', 'DescribeSecurityGroups', true, 2],
    ['ec2', 'DescribeLaunchTemplateVersions', true, 1],
    ['ec2', 'CreateTags', false, 0.4],
    ['elasticloadbalancing', 'DescribeTargetGroups', true, 1],
    ['elasticloadbalancing', 'DescribeLoadBalancers', true, 1],
  ]),
  /** Kubernetes nodes: the busiest callers of all. */
  eksNode: group([
    ['ec2', 'DescribeInstances', true, 6],
    ['ec2', 'DescribeNetworkInterfaces', true, 4],
    ['ec2', 'AssignPrivateIpAddresses', false, 0.5],
    ['ec2', 'AttachNetworkInterface', false, 0.3],
    ['ec2', 'DescribeTags', true, 1],
    ['ecr', 'GetAuthorizationToken', true, 2],
    ['ecr', 'BatchGetImage', true, 3],
    ['ecr', 'GetDownloadUrlForLayer', true, 3],
    ['sts', 'AssumeRoleWithWebIdentity', true, 2],
    ['autoscaling', 'DescribeAutoScalingGroups', true, 1],
    ['logs', 'PutLogEvents', false, 4],
    ['logs', 'CreateLogStream', false, 0.3],
  ]),
  /** An application: secrets, keys, tables, queues, objects. */
  application: group([
    ['dynamodb', 'GetItem', true, 8, 'data'],
    ['dynamodb', 'PutItem', false, 4, 'data'],
    ['dynamodb', 'Query', true, 6, 'data'],
    ['kms', 'Decrypt', true, 6],
    ['kms', 'GenerateDataKey', true, 3],
    ['secretsmanager', 'GetSecretValue', true, 3],
    ['ssm', 'GetParameters', true, 2],
    ['sqs', 'SendMessage', false, 4, 'data'],
    ['sqs', 'ReceiveMessage', false, 4, 'data'],
    ['sqs', 'DeleteMessage', false, 3, 'data'],
    ['sns', 'Publish', false, 1, 'data'],
    ['s3', 'GetObject', true, 4, 'data'],
    ['s3', 'PutObject', false, 2, 'data'],
    ['lambda', 'Invoke', false, 2, 'data'],
    ['xray', 'PutTraceSegments', false, 2],
    ['logs', 'CreateLogStream', false, 0.5],
  ]),
  /** AWS Config's recorder: reads the configuration of everything, all day long. */
  configRecorder: group([
    ['ec2', 'DescribeInstances', true, 3],
    ['ec2', 'DescribeSecurityGroups', true, 3],
    ['ec2', 'DescribeNetworkAcls', true, 2],
    ['ec2', 'DescribeRouteTables', true, 2],
    ['ec2', 'DescribeVolumes', true, 2],
    ['s3', 'GetBucketVersioning', true, 2],
    ['s3', 'GetBucketEncryption', true, 2],
    ['s3', 'GetBucketLogging', true, 2],
    ['iam', 'GetRolePolicy', true, 2, 'global'],
    ['iam', 'ListAttachedRolePolicies', true, 2, 'global'],
    ['rds', 'DescribeDBInstances', true, 1],
    ['lambda', 'GetPolicy20150331v2', true, 1],
    ['kms', 'DescribeKey', true, 1],
    ['kms', 'GetKeyRotationStatus', true, 1],
    ['config', 'PutEvaluations', false, 1],
  ]),
  /** Auto Scaling keeping fleets at size. */
  autoScaling: group([
    ['ec2', 'DescribeInstanceStatus', true, 6],
    ['ec2', 'RunInstances', false, 0.3],
    ['ec2', 'TerminateInstances', false, 0.3],
    ['elasticloadbalancing', 'RegisterTargets', false, 0.3],
    ['elasticloadbalancing', 'DeregisterTargets', false, 0.3],
  ]),
  /** Services assuming the roles they run as. */
  serviceAssume: group([['sts', 'AssumeRole', true, 1]]),
  /** The security team's tooling, across accounts. */
  securityAudit: group([
    ['iam', 'GetAccountAuthorizationDetails', true, 0.5, 'global'],
    ['iam', 'GenerateCredentialReport', false, 0.2, 'global'],
    ['iam', 'GetCredentialReport', true, 0.3, 'global'],
    ['ec2', 'DescribeSecurityGroups', true, 3],
    ['ec2', 'DescribeInstances', true, 3],
    ['s3', 'GetBucketPolicyStatus', true, 2],
    ['guardduty', 'ListFindings', true, 2],
    ['guardduty', 'GetFindings', true, 2],
    ['securityhub', 'GetFindings', true, 3],
    ['securityhub', 'BatchImportFindings', false, 1],
    ['access-analyzer', 'ListFindings', true, 1],
    ['cloudtrail', 'DescribeTrails', true, 1],
    ['cloudtrail', 'GetTrailStatus', true, 1],
    ['athena', 'StartQueryExecution', false, 0.5],
    ['athena', 'GetQueryExecution', true, 2],
    ['athena', 'GetQueryResults', true, 1],
    ['glue', 'GetTable', true, 1],
  ]),
  /** The monitoring vendor's integration: metrics and inventory. */
  monitoring: group([
    ['monitoring', 'GetMetricData', true, 10],
    ['monitoring', 'ListMetrics', true, 3],
    ['tagging', 'GetResources', true, 2],
    ['ec2', 'DescribeInstances', true, 2],
    ['rds', 'DescribeDBInstances', true, 1],
    ['elasticloadbalancing', 'DescribeLoadBalancers', true, 1],
    ['lambda', 'ListFunctions20150331', true, 1],
  ]),
  /** A scheduled export job writing to S3. */
  exportJob: group([
    ['s3', 'PutObject', false, 6, 'data'],
    ['s3', 'ListObjects', true, 1, 'data'],
    ['athena', 'StartQueryExecution', false, 0.5],
    ['athena', 'GetQueryExecution', true, 2],
  ]),
  /** A Jenkins server with an old access key. */
  legacyCi: group([
    ['s3', 'GetObject', true, 3, 'data'],
    ['s3', 'PutObject', false, 2, 'data'],
    ['ec2', 'DescribeImages', true, 1],
    ['ec2', 'DescribeInstances', true, 1],
    ['sts', 'GetCallerIdentity', true, 1],
  ]),
} as const;

export type CallGroupName = keyof typeof CALL_GROUPS;
