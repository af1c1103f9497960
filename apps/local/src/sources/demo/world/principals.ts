/**
 * Who makes the demo's background calls: about 30 principals across the four accounts, in the
 * userIdentity shapes CloudTrail logs (IAM users, SSO and workload roles, service-linked roles,
 * AWS services). Weights are shares of the background traffic.
 */
import { type CallGroupName } from './calls';
import { ACCOUNTS, type AccountName, HOME_REGIONS, IPS, USER_AGENTS } from './organization';

export type PrincipalShape =
  | { readonly type: 'IAMUser'; readonly userName: string; readonly console?: boolean }
  | {
      readonly type: 'AssumedRole';
      readonly roleName: string;
      /** IAM path of the role, e.g. "aws-reserved/sso.amazonaws.com/". */
      readonly rolePath?: string;
      /** Session names the role is assumed under; one is picked per call. */
      readonly sessions: readonly string[];
      /** Set for service-linked roles: the service that made the call. */
      readonly invokedBy?: string;
      readonly console?: boolean;
    }
  | { readonly type: 'AWSService'; readonly service: string }
  | { readonly type: 'Root' };

export interface Principal {
  /** Stable name, used to derive its ids. */
  readonly key: string;
  /** The account its identity belongs to. */
  readonly account: AccountName;
  /** Accounts it calls into (its own unless it works across accounts). */
  readonly targets: readonly AccountName[];
  readonly shape: PrincipalShape;
  readonly weight: number;
  readonly calls: CallGroupName;
  readonly regions: readonly string[];
  /** Where its calls come from; a service's own host name for AWS services. */
  readonly ips: readonly string[];
  readonly userAgents: readonly string[];
}

const ALL_REGIONS = HOME_REGIONS;
const SSO_PATH = 'aws-reserved/sso.amazonaws.com/';

function sso(key: string, account: AccountName, permissionSet: string, suffix: string, email: string, calls: CallGroupName, weight: number): Principal {
  return {
    key,
    account,
    targets: [account],
    shape: { type: 'AssumedRole', roleName: `AWSReservedSSO_${permissionSet}_${suffix}`, rolePath: SSO_PATH, sessions: [email], console: true },
    weight,
    calls,
    regions: ['us-east-1', 'eu-west-1'],
    ips: IPS.office,
    userAgents: [USER_AGENTS.browser, USER_AGENTS.browser, USER_AGENTS.cli],
  };
}

function serviceLinked(key: string, account: AccountName, roleName: string, session: string, service: string, calls: CallGroupName, weight: number): Principal {
  const host = `${service}.amazonaws.com`;
  return {
    key,
    account,
    targets: [account],
    shape: { type: 'AssumedRole', roleName, rolePath: `aws-service-role/${host}/`, sessions: [session], invokedBy: host },
    weight,
    calls,
    regions: ALL_REGIONS,
    ips: [host],
    userAgents: [host],
  };
}

function awsService(key: string, account: AccountName, service: string, weight: number): Principal {
  const host = `${service}.amazonaws.com`;
  return { key, account, targets: [account], shape: { type: 'AWSService', service: host }, weight, calls: 'serviceAssume', regions: ALL_REGIONS, ips: [host], userAgents: [host] };
}

function workloadRole(key: string, account: AccountName, roleName: string, sessions: readonly string[], calls: CallGroupName, weight: number, userAgent: string, regions: readonly string[] = ['us-east-1', 'eu-west-1']): Principal {
  return { key, account, targets: [account], shape: { type: 'AssumedRole', roleName, sessions }, weight, calls, regions, ips: IPS.vpc, userAgents: [userAgent] };
}

export const PRINCIPALS: readonly Principal[] = [
  // People, through IAM Identity Center.
  sso('alice-prod', 'prod', 'AdministratorAccess', '3f1a2b7c9d4e5f60', 'alice.nguyen@example.com', 'consoleAdmin', 3),
  sso('alice-management', 'management', 'AdministratorAccess', '7e2d4c1b0a9f8e7d', 'alice.nguyen@example.com', 'consoleAdmin', 1),
  sso('bob-prod', 'prod', 'ReadOnlyAccess', '9c8d7e6f5a4b3c2d', 'bob.martin@example.com', 'consoleReadOnly', 3),
  sso('carol-prod', 'prod', 'PowerUserAccess', '1a2b3c4d5e6f7a8b', 'carol.diaz@example.com', 'consoleAdmin', 2),
  sso('carol-staging', 'staging', 'PowerUserAccess', '5d6e7f8a9b0c1d2e', 'carol.diaz@example.com', 'consoleAdmin', 3),
  sso('dave-staging', 'staging', 'PowerUserAccess', '5d6e7f8a9b0c1d2e', 'dave.okafor@example.com', 'consoleAdmin', 3),
  sso('erin-security', 'security', 'SecurityAnalyst', '0f9e8d7c6b5a4f3e', 'erin.kowalski@example.com', 'securityAudit', 2),
  // IAM users.
  {
    key: 'jenkins-legacy',
    account: 'staging',
    targets: ['staging'],
    shape: { type: 'IAMUser', userName: 'jenkins-legacy' },
    weight: 3,
    calls: 'legacyCi',
    regions: ['us-east-1'],
    ips: [IPS.ci[0]],
    userAgents: [USER_AGENTS.jenkins],
  },
  {
    key: 'data-export-bot',
    account: 'prod',
    targets: ['prod'],
    shape: { type: 'IAMUser', userName: 'data-export-bot' },
    weight: 2,
    calls: 'exportJob',
    regions: ['us-east-1'],
    ips: [IPS.ci[1]],
    userAgents: [USER_AGENTS.boto3],
  },
  {
    key: 'ops-breakglass',
    account: 'management',
    targets: ['management'],
    shape: { type: 'IAMUser', userName: 'ops-breakglass', console: true },
    weight: 0.3,
    calls: 'consoleReadOnly',
    regions: ['us-east-1'],
    ips: IPS.office,
    userAgents: [USER_AGENTS.browser],
  },
  // CI/CD and infrastructure as code.
  { ...workloadRole('github-prod', 'prod', 'github-actions-deploy', ['GitHubActions'], 'deploy', 6, USER_AGENTS.githubActions), ips: IPS.ci },
  { ...workloadRole('github-staging', 'staging', 'github-actions-deploy', ['GitHubActions'], 'deploy', 8, USER_AGENTS.githubActions), ips: IPS.ci },
  { ...workloadRole('terraform-staging', 'staging', 'terraform-apply', ['terraform-run-4821', 'terraform-run-4822'], 'deploy', 3, USER_AGENTS.terraform), ips: IPS.ci },
  // Workloads.
  workloadRole('eks-prod-nodes', 'prod', 'eks-prod-NodeInstanceRole', ['i-0a1b2c3d4e5f60718', 'i-0b2c3d4e5f6071829', 'i-0c3d4e5f607182930', 'i-0d4e5f60718293a41'], 'eksNode', 22, USER_AGENTS.goEks, ALL_REGIONS),
  workloadRole('eks-staging-nodes', 'staging', 'eks-staging-NodeInstanceRole', ['i-0e5f60718293a4b52', 'i-0f60718293a4b5c63'], 'eksNode', 8, USER_AGENTS.goEks),
  workloadRole('orders-api', 'prod', 'orders-api-role', ['orders-api'], 'application', 14, USER_AGENTS.nodeLambda, ALL_REGIONS),
  workloadRole('payments-task', 'prod', 'payments-task-role', ['3f8a1c2e9b7d4f6a8c0e1b3d5f7a9c2e'], 'application', 10, USER_AGENTS.javaEcs),
  workloadRole('billing-report', 'management', 'billing-report-role', ['billing-report'], 'exportJob', 1, USER_AGENTS.nodeLambda, ['us-east-1']),
  workloadRole('staging-api', 'staging', 'orders-api-role', ['orders-api'], 'application', 4, USER_AGENTS.nodeLambda),
  // Third parties and the security account, reading across accounts.
  {
    key: 'datadog',
    account: 'prod',
    targets: ['prod'],
    shape: { type: 'AssumedRole', roleName: 'DatadogIntegrationRole', sessions: ['DatadogAWSIntegration'] },
    weight: 5,
    calls: 'monitoring',
    regions: ALL_REGIONS,
    ips: IPS.vendor,
    userAgents: [USER_AGENTS.vendor],
  },
  {
    key: 'security-audit',
    account: 'security',
    targets: ['management', 'prod', 'staging', 'security'],
    shape: { type: 'AssumedRole', roleName: 'SecurityAuditScanner', sessions: ['prowler-scan'] },
    weight: 3,
    calls: 'securityAudit',
    regions: ALL_REGIONS,
    ips: IPS.vpc,
    userAgents: [USER_AGENTS.boto3],
  },
  // Service-linked roles and AWS services.
  serviceLinked('config-prod', 'prod', 'AWSServiceRoleForConfig', 'AWSConfig-Describe', 'config', 'configRecorder', 6),
  serviceLinked('config-staging', 'staging', 'AWSServiceRoleForConfig', 'AWSConfig-Describe', 'config', 'configRecorder', 3),
  serviceLinked('config-management', 'management', 'AWSServiceRoleForConfig', 'AWSConfig-Describe', 'config', 'configRecorder', 1),
  serviceLinked('autoscaling-prod', 'prod', 'AWSServiceRoleForAutoScaling', 'AutoScaling', 'autoscaling', 'autoScaling', 3),
  serviceLinked('guardduty-security', 'security', 'AWSServiceRoleForAmazonGuardDuty', 'GuardDuty', 'guardduty', 'monitoring', 1),
  awsService('lambda-service-prod', 'prod', 'lambda', 3),
  awsService('ecs-tasks-prod', 'prod', 'ecs-tasks', 2),
  awsService('ec2-service-staging', 'staging', 'ec2', 1),
];

export function principalByKey(key: string): Principal {
  const principal = PRINCIPALS.find((candidate) => candidate.key === key);
  if (principal === undefined) throw new RangeError(`no demo principal ${key}`);
  return principal;
}

export function accountId(name: AccountName): string {
  return ACCOUNTS[name];
}
