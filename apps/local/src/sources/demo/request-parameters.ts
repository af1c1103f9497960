/**
 * requestParameters for the demo's calls, in the shapes CloudTrail logs them (many calls log null;
 * those with parameters a SOC looks at get realistic ones).
 */
import { type Random } from './random';

export interface ParameterContext {
  readonly eventSource: string;
  readonly eventName: string;
  readonly account: string;
  readonly region: string;
  readonly random: Random;
}

const BUCKETS = ['orders-exports', 'app-artifacts', 'cloudtrail-archive', 'analytics-raw', 'static-site-assets'];
const TABLES = ['orders', 'customers', 'sessions', 'inventory'];
const FUNCTIONS = ['orders-api', 'billing-report', 'thumbnailer', 'webhook-relay'];
const SECRETS = ['prod/orders/db', 'prod/payments/stripe', 'staging/orders/db'];
const PARAMETERS = ['/app/orders/feature-flags', '/app/payments/endpoint', '/platform/ami/latest'];
const QUEUES = ['orders-events', 'payments-retries', 'email-outbox'];
const STACKS = ['orders-service', 'payments-service', 'network-baseline', 'observability'];
const ROLES = ['orders-api-role', 'payments-task-role', 'github-actions-deploy', 'eks-prod-NodeInstanceRole'];

type Builder = (context: ParameterContext) => Record<string, unknown> | null;

function objectKey(random: Random): string {
  return `exports/2024/${String(1 + random.int(12)).padStart(2, '0')}/${random.hex(12)}.parquet`;
}

const BUILDERS: Readonly<Record<string, Builder>> = {
  'ec2:DescribeInstances': () => ({ instancesSet: {}, filterSet: {} }),
  'ec2:DescribeInstanceStatus': () => ({ instancesSet: {}, filterSet: {}, includeAllInstances: false }),
  'ec2:CreateTags': ({ random }) => ({ resourcesSet: { items: [{ resourceId: `i-0${random.hex(16)}` }] }, tagSet: { items: [{ key: 'Name', value: 'orders-api' }] } }),
  'ec2:TerminateInstances': ({ random }) => ({ instancesSet: { items: [{ instanceId: `i-0${random.hex(16)}` }] } }),
  'ec2:StopInstances': ({ random }) => ({ instancesSet: { items: [{ instanceId: `i-0${random.hex(16)}` }] }, force: false }),
  'ec2:RunInstances': ({ random }) => ({
    instancesSet: { items: [{ imageId: `ami-0${random.hex(16)}`, minCount: 1, maxCount: 1 }] },
    instanceType: random.pick(['m6i.large', 'c6i.xlarge', 'm7g.large']),
    subnetId: `subnet-0${random.hex(16)}`,
    launchTemplate: { launchTemplateId: `lt-0${random.hex(16)}`, version: '$Latest' },
  }),
  's3:ListBuckets': () => ({ Host: 's3.amazonaws.com' }),
  's3:GetObject': ({ random, region }) => {
    const bucketName = random.pick(BUCKETS);
    return { bucketName, Host: `${bucketName}.s3.${region}.amazonaws.com`, key: objectKey(random) };
  },
  's3:PutObject': ({ random, region }) => {
    const bucketName = random.pick(BUCKETS);
    return { bucketName, Host: `${bucketName}.s3.${region}.amazonaws.com`, key: objectKey(random) };
  },
  'sts:AssumeRole': ({ random, account }) => ({
    roleArn: `arn:aws:iam::${account}:role/${random.pick(ROLES)}`,
    roleSessionName: random.hex(32),
    durationSeconds: 3600,
  }),
  'kms:Decrypt': ({ random }) => ({ encryptionAlgorithm: 'SYMMETRIC_DEFAULT', encryptionContext: { table: random.pick(TABLES) } }),
  'kms:GenerateDataKey': () => ({ keyId: 'alias/app-data', keySpec: 'AES_256' }),
  'secretsmanager:GetSecretValue': ({ random }) => ({ secretId: random.pick(SECRETS) }),
  'ssm:GetParameter': ({ random }) => ({ name: random.pick(PARAMETERS), withDecryption: true }),
  'dynamodb:GetItem': ({ random }) => ({ tableName: random.pick(TABLES), key: { pk: 'HIDDEN_DUE_TO_SECURITY_REASONS' } }),
  'dynamodb:PutItem': ({ random }) => ({ tableName: random.pick(TABLES), key: { pk: 'HIDDEN_DUE_TO_SECURITY_REASONS' } }),
  'dynamodb:Query': ({ random }) => ({ tableName: random.pick(TABLES), indexName: 'by-customer' }),
  'dynamodb:DescribeTable': ({ random }) => ({ tableName: random.pick(TABLES) }),
  'sqs:SendMessage': ({ random, account, region }) => ({ queueUrl: `https://sqs.${region}.amazonaws.com/${account}/${random.pick(QUEUES)}` }),
  'sqs:ReceiveMessage': ({ random, account, region }) => ({ queueUrl: `https://sqs.${region}.amazonaws.com/${account}/${random.pick(QUEUES)}`, maxNumberOfMessages: 10, waitTimeSeconds: 20 }),
  'lambda:Invoke': ({ random, account, region }) => ({ functionName: `arn:aws:lambda:${region}:${account}:function:${random.pick(FUNCTIONS)}` }),
  'lambda:GetFunction20150331v2': ({ random }) => ({ functionName: random.pick(FUNCTIONS) }),
  'lambda:UpdateFunctionCode20150331v2': ({ random }) => ({ functionName: random.pick(FUNCTIONS), publish: true, s3Bucket: 'app-artifacts', s3Key: `lambda/${random.hex(12)}.zip` }),
  'cloudformation:DescribeStacks': ({ random }) => ({ stackName: random.pick(STACKS) }),
  'cloudformation:DescribeStackEvents': ({ random }) => ({ stackName: random.pick(STACKS) }),
  'cloudformation:CreateChangeSet': ({ random }) => ({ stackName: random.pick(STACKS), changeSetName: `deploy-${random.hex(8)}`, changeSetType: 'UPDATE' }),
  'logs:CreateLogStream': ({ random }) => ({ logGroupName: `/aws/lambda/${random.pick(FUNCTIONS)}`, logStreamName: `2024/08/01/[$LATEST]${random.hex(32)}` }),
  'logs:FilterLogEvents': ({ random }) => ({ logGroupName: `/aws/lambda/${random.pick(FUNCTIONS)}`, filterPattern: 'ERROR' }),
  'iam:GetRole': ({ random }) => ({ roleName: random.pick(ROLES) }),
  'ecs:UpdateService': () => ({ cluster: 'prod', service: 'payments', forceNewDeployment: true }),
};

export function requestParameters(context: ParameterContext): Record<string, unknown> | null {
  const service = context.eventSource.slice(0, context.eventSource.indexOf('.'));
  return BUILDERS[`${service}:${context.eventName}`]?.(context) ?? null;
}
