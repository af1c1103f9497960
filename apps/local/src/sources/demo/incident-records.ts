/**
 * The records of the scripted incidents, one second at a time: `second` counts from the start of the
 * occurrence. Each incident has the actors and call sequence its description in incident-schedule.ts
 * promises.
 */
import { normalizeEventName } from '@trailpulse/event-schema';
import { type IncidentId } from './incident-schedule';
import { type PendingRecord } from './pending-record';
import { type Random } from './random';
import { type DemoCall } from './record-builder';
import { HOME_REGIONS, IPS, UNUSUAL_REGION, USER_AGENTS } from './world/organization';
import { accountId, principalByKey, type Principal } from './world/principals';

export type IncidentSecond = (secondStartMs: number, second: number, random: Random) => PendingRecord[];

const call = (service: string, eventName: string, readOnly: boolean, global = false): DemoCall => ({
  eventSource: `${service}.amazonaws.com`,
  eventName,
  readOnly,
  ...(global ? { global: true } : {}),
});

const ENUMERATION_CALLS: readonly DemoCall[] = [
  call('iam', 'ListUsers', true, true),
  call('iam', 'ListRoles', true, true),
  call('iam', 'GetAccountAuthorizationDetails', true, true),
  call('iam', 'ListAccessKeys', true, true),
  call('s3', 'ListBuckets', true),
  call('ec2', 'DescribeInstances', true),
  call('ec2', 'DescribeSnapshots', true),
  call('secretsmanager', 'ListSecrets', true),
  call('lambda', 'ListFunctions20150331', true),
  call('rds', 'DescribeDBInstances', true),
  call('dynamodb', 'ListTables', true),
  call('kms', 'ListKeys', true),
  call('ssm', 'DescribeParameters', true),
  call('organizations', 'ListAccounts', true, true),
];
const STUFFING_CALLS_PER_SECOND = 40;

function credentialStuffing(secondStartMs: number, _second: number, random: Random): PendingRecord[] {
  const principal = principalByKey('data-export-bot');
  const account = accountId(principal.account);
  const records: PendingRecord[] = [
    // Attackers check whose key they hold: this one succeeds.
    { ...base(principal, call('sts', 'GetCallerIdentity', true), account, 'us-east-1', secondStartMs + random.int(1000), random.pick(IPS.attackers), USER_AGENTS.attackerBoto) },
  ];
  for (let i = 1; i < STUFFING_CALLS_PER_SECOND; i++) {
    const attempt = random.pick(ENUMERATION_CALLS);
    const service = attempt.eventSource.slice(0, attempt.eventSource.indexOf('.'));
    const action = `${service}:${normalizeEventName(attempt.eventName)}`;
    records.push({
      ...base(principal, attempt, account, random.pick(HOME_REGIONS), secondStartMs + random.int(1000), random.pick(IPS.attackers), random.pick([USER_AGENTS.attackerBoto, USER_AGENTS.python])),
      error: {
        code: service === 'ec2' ? 'Client.UnauthorizedOperation' : 'AccessDenied',
        message: `User: arn:aws:iam::${account}:user/data-export-bot is not authorized to perform: ${action} on resource: * because no identity-based policy allows the ${action} action`,
      },
      requestParameters: null,
    });
  }
  return records;
}

const GPU_TYPES = ['p3.16xlarge', 'p4d.24xlarge', 'g5.12xlarge'];
const SPREE_RUNS_PER_SECOND = 3;

function unusualRegionSpree(secondStartMs: number, second: number, random: Random): PendingRecord[] {
  const principal = principalByKey('github-prod');
  const account = accountId(principal.account);
  const at = (offsetMs: number, demoCall: DemoCall, extra: Partial<PendingRecord> = {}): PendingRecord => ({
    ...base(principal, demoCall, account, UNUSUAL_REGION, secondStartMs + offsetMs, IPS.attackers[1], USER_AGENTS.attackerBoto),
    session: 'GitHubActions',
    ...extra,
  });
  const securityGroupId = `sg-0${random.hex(16)}`;
  switch (second) {
    case 0:
      return [at(100, call('ec2', 'DescribeRegions', true)), at(600, call('ec2', 'DescribeAvailabilityZones', true))];
    case 1:
      return [at(200, call('ec2', 'DescribeImages', true)), at(700, call('ec2', 'DescribeKeyPairs', true))];
    case 2:
      return [
        at(150, call('ec2', 'CreateKeyPair', false), { requestParameters: { keyName: 'ops-temp', keyType: 'rsa', keyFormat: 'pem' } }),
        at(650, call('ec2', 'CreateSecurityGroup', false), { requestParameters: { groupName: 'default-ssh', groupDescription: 'ssh' }, responseElements: { _return: true, groupId: securityGroupId } }),
      ];
    case 3:
      return [
        at(300, call('ec2', 'AuthorizeSecurityGroupIngress', false), {
          requestParameters: { groupId: securityGroupId, ipPermissions: { items: [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, ipRanges: { items: [{ cidrIp: '0.0.0.0/0' }] } }] } },
        }),
      ];
    default:
      return Array.from({ length: SPREE_RUNS_PER_SECOND }, (_, i) => {
        const instanceType = random.pick(GPU_TYPES);
        const failed = random.chance(1 / 6);
        return at(i * 300 + random.int(300), call('ec2', 'RunInstances', false), {
          requestParameters: {
            instancesSet: { items: [{ imageId: `ami-0${random.hex(16)}`, minCount: 1, maxCount: 1, keyName: 'ops-temp' }] },
            groupSet: { items: [{ groupId: securityGroupId }] },
            instanceType,
          },
          ...(failed
            ? { error: { code: 'Client.VcpuLimitExceeded', message: `You have requested more vCPU capacity than your current vCPU limit allows for the instance bucket that the specified instance type belongs to.` } }
            : {
                responseElements: {
                  reservationId: `r-0${random.hex(16)}`,
                  ownerId: account,
                  instancesSet: { items: [{ instanceId: `i-0${random.hex(16)}`, instanceType, currentState: { code: 0, name: 'pending' } }] },
                },
              }),
        });
      });
  }
}

function cloudTrailStopLogging(secondStartMs: number, second: number, random: Random): PendingRecord[] {
  const principal = principalByKey('carol-prod');
  const account = accountId(principal.account);
  const trail = `arn:aws:cloudtrail:us-east-1:${account}:trail/prod-audit-trail`;
  const steps: Readonly<Record<number, readonly [DemoCall, Record<string, unknown> | null]>> = {
    0: [call('cloudtrail', 'DescribeTrails', true), { trailNameList: [], includeShadowTrails: true }],
    2: [call('cloudtrail', 'GetTrailStatus', true), { name: trail }],
    4: [call('cloudtrail', 'GetEventSelectors', true), { trailName: trail }],
    6: [call('cloudtrail', 'StopLogging', false), { name: trail }],
    9: [call('cloudtrail', 'DeleteTrail', false), { name: trail }],
  };
  const step = steps[second];
  if (step === undefined) return [];
  return [{ ...base(principal, step[0], account, 'us-east-1', secondStartMs + random.int(1000), IPS.attackers[2], USER_AGENTS.cli), session: 'carol.diaz@example.com', requestParameters: step[1] }];
}

const ROOT: Principal = {
  key: 'root-management',
  account: 'management',
  targets: ['management'],
  shape: { type: 'Root' },
  weight: 0,
  calls: 'consoleReadOnly',
  regions: ['us-east-1'],
  ips: [IPS.attackers[0]],
  userAgents: [USER_AGENTS.firefox],
};

function rootConsoleLogin(secondStartMs: number, second: number, random: Random): PendingRecord[] {
  const account = accountId(ROOT.account);
  const timeMs = secondStartMs + random.int(1000);
  const apiCall = (demoCall: DemoCall, extra: Partial<PendingRecord> = {}): PendingRecord[] => [
    { ...base(ROOT, demoCall, account, 'us-east-1', timeMs, IPS.attackers[0], USER_AGENTS.firefox), session: 'console', ...extra },
  ];
  switch (second) {
    case 0:
      return [
        {
          ...base(ROOT, call('signin', 'ConsoleLogin', false), account, 'us-east-1', timeMs, IPS.attackers[0], USER_AGENTS.firefox),
          eventType: 'AwsConsoleSignIn',
          requestParameters: null,
          responseElements: { ConsoleLogin: 'Success' },
          additionalEventData: { LoginTo: 'https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true', MobileVersion: 'No', MFAUsed: 'No' },
        },
      ];
    case 4:
      return apiCall(call('iam', 'GetAccountSummary', true, true), { requestParameters: null });
    case 8:
      return apiCall(call('iam', 'ListUsers', true, true), { requestParameters: null });
    case 13:
      return apiCall(call('iam', 'CreateAccessKey', false, true), {
        requestParameters: null,
        responseElements: { accessKey: { accessKeyId: `AKIA${random.upperAlphanumeric(16)}`, status: 'Active', createDate: new Date(timeMs).toUTCString() } },
      });
    case 17:
      return apiCall(call('organizations', 'ListAccounts', true, true), { requestParameters: null });
    default:
      return [];
  }
}

function base(principal: Principal, demoCall: DemoCall, account: string, region: string, timeMs: number, ip: string, userAgent: string): PendingRecord {
  return { principal, call: demoCall, recipientAccountId: account, region, timeMs, sourceIPAddress: ip, userAgent };
}

export const INCIDENT_RECORDS: Readonly<Record<IncidentId, IncidentSecond>> = {
  'credential-stuffing': credentialStuffing,
  'unusual-region-spree': unusualRegionSpree,
  'cloudtrail-stop-logging': cloudTrailStopLogging,
  'root-console-login': rootConsoleLogin,
};
