/**
 * Deterministic, realistic-looking CloudTrail records (about 500-900 bytes of JSON each) for the memory
 * and throughput checks: varied services, identities, IPs and request parameters, some errors.
 */
const SERVICES = [
  ['ec2.amazonaws.com', ['DescribeInstances', 'RunInstances', 'TerminateInstances', 'DescribeSecurityGroups']],
  ['s3.amazonaws.com', ['GetObject', 'PutObject', 'ListBuckets', 'GetBucketAcl']],
  ['iam.amazonaws.com', ['CreateUser', 'AttachRolePolicy', 'ListRoles', 'GetUser']],
  ['sts.amazonaws.com', ['AssumeRole', 'GetCallerIdentity']],
  ['kms.amazonaws.com', ['Decrypt', 'GenerateDataKey']],
  ['lambda.amazonaws.com', ['Invoke', 'UpdateFunctionCode20150331v2']],
] as const;

/** A small linear congruential generator: the same records on every run, no dependency. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 0x1_0000_0000;
  };
}

export function syntheticRecord(index: number): Record<string, unknown> {
  const random = lcg(index + 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const [eventSource, names] = pick(SERVICES);
  const account = String(100000000000 + Math.floor(random() * 900000000000));
  const user = `user-${Math.floor(random() * 5000)}`;
  const time = new Date(Date.UTC(2024, 0, 1) + index * 37).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const failed = random() < 0.1;
  return {
    eventVersion: '1.09',
    userIdentity: {
      type: 'IAMUser',
      principalId: `AIDA${index % 997}`,
      arn: `arn:aws:iam::${account}:user/${user}`,
      accountId: account,
      accessKeyId: `AKIA${(index * 7919).toString(36).toUpperCase().padStart(16, 'X')}`,
      userName: user,
    },
    eventTime: time,
    eventSource,
    eventName: pick(names),
    awsRegion: pick(['us-east-1', 'eu-west-1', 'ap-southeast-2']),
    sourceIPAddress: `${Math.floor(random() * 223) + 1}.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}`,
    userAgent: pick(['aws-cli/2.15.0 Python/3.11.6', 'Boto3/1.34.0 Botocore/1.34.0', 'console.amazonaws.com']),
    ...(failed ? { errorCode: 'AccessDenied', errorMessage: `${user} is not authorized` } : {}),
    requestParameters:
      random() < 0.5
        ? { resourceId: `r-${index.toString(16)}`, maxResults: Math.floor(random() * 1000), filter: { name: 'tag:env', values: ['prod', 'stage'] } }
        : { resourceId: `r-${index.toString(16)}` },
    responseElements: null,
    requestID: `${index.toString(16).padStart(8, '0')}-1c2d-4e5f`,
    eventID: `${(index * 31).toString(16).padStart(8, '0')}-aaaa-4bbb`,
    readOnly: random() < 0.7,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: account,
    ...(random() < 0.5
      ? { tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: `${eventSource.split('.')[0] ?? ''}.amazonaws.com` } }
      : {}),
  };
}
