// Who makes the calls: a pool of principals of every userIdentity type the identity key handles
// (metrics.md "Identity key"), so each branch of the key rule is exercised by the benchmark data.
import { type JsonObject, type JsonValue } from './json-value';
import { type Prng } from './prng';
import { CONSOLE_USER_AGENTS, SDK_USER_AGENTS } from './user-agents';
import { ZipfSampler } from './zipf';

export interface Principal {
  readonly userIdentity: JsonObject;
  readonly accountId: string;
  /** userAgent template (see user-agents.ts). */
  readonly userAgent: string;
  /** Set for AWS services acting for the account: CloudTrail records their host name as sourceIPAddress. */
  readonly serviceHost: string | undefined;
  /** Console users carry `sessionCredentialFromConsole` and may sign in. */
  readonly usesConsole: boolean;
  /** Where this principal usually works. */
  readonly homeRegion: string;
}

const ROLE_NAMES: readonly string[] = [
  'AWSReservedSSO_AdministratorAccess_{hex}',
  'AWSReservedSSO_ReadOnlyAccess_{hex}',
  'AWSReservedSSO_PowerUserAccess_{hex}',
  'OrganizationAccountAccessRole',
  'github-actions-deploy',
  'terraform-ci',
  'eks-node-group-{word}',
  '{word}-lambda-execution',
  'ecsTaskExecutionRole',
  'datadog-integration-role',
  '{word}-service-role',
  'karpenter-controller',
];

const WORDS: readonly string[] = [
  'payments', 'checkout', 'search', 'ingest', 'billing', 'reports', 'identity', 'catalog', 'orders',
  'analytics', 'backup', 'audit', 'platform', 'media', 'notifications', 'inventory',
];

const PEOPLE: readonly string[] = [
  'alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'mallory',
  'niaj', 'olivia', 'peggy', 'rupert', 'sybil', 'trent', 'victor', 'walter', 'yara',
];

/** Services that act for an account (userIdentity type AWSService). */
const ACTING_SERVICES: readonly string[] = [
  'cloudformation.amazonaws.com', 'autoscaling.amazonaws.com', 'elasticloadbalancing.amazonaws.com',
  'lambda.amazonaws.com', 'ecs.amazonaws.com', 'config.amazonaws.com', 'backup.amazonaws.com',
  'eks.amazonaws.com', 'access-analyzer.amazonaws.com', 'securityhub.amazonaws.com', 'guardduty.amazonaws.com',
  'trustedadvisor.amazonaws.com', 'resource-explorer-2.amazonaws.com', 'ssm.amazonaws.com', 'inspector2.amazonaws.com',
  'sso.amazonaws.com', 'organizations.amazonaws.com', 'cloudtrail.amazonaws.com', 'logs.amazonaws.com',
  'events.amazonaws.com', 'application-autoscaling.amazonaws.com',
];

/** Assumed-role sessions without an `arn` of their own, grouped by their role (identity key rule 2). */
const SESSION_WITHOUT_ARN_SHARE = 0.05;

interface PrincipalContext {
  readonly prng: Prng;
  readonly accountId: string;
  readonly homeRegion: string;
  /** When the principal's credentials were issued, for sessionContext.attributes.creationDate. */
  readonly sessionStart: string;
}

function fill(template: string, prng: Prng): string {
  return template.replace('{hex}', prng.hex(16)).replace('{word}', prng.pick(WORDS));
}

/** Service-linked roles: AWS services working in the account through a role session of their own. */
const SERVICE_LINKED_ROLES: readonly (readonly [role: string, host: string])[] = [
  ['AWSServiceRoleForAutoScaling', 'autoscaling.amazonaws.com'],
  ['AWSServiceRoleForConfig', 'config.amazonaws.com'],
  ['AWSServiceRoleForECS', 'ecs.amazonaws.com'],
  ['AWSServiceRoleForAmazonEKS', 'eks.amazonaws.com'],
  ['AWSServiceRoleForSecurityHub', 'securityhub.amazonaws.com'],
  ['AWSServiceRoleForAmazonGuardDuty', 'guardduty.amazonaws.com'],
  ['AWSServiceRoleForBackup', 'backup.amazonaws.com'],
];

/** Share of role sessions that belong to service-linked roles (they carry invokedBy and no TLS details). */
const SERVICE_LINKED_SHARE = 0.5;

function roleSessionIdentity(ctx: PrincipalContext, role: string, session: string, invokedBy: string | undefined): JsonObject {
  const { prng, accountId } = ctx;
  const roleId = `AROA${prng.upperAlnum(17)}`;
  const sessionContext: JsonObject = {
    sessionIssuer: { type: 'Role', principalId: roleId, arn: `arn:aws:iam::${accountId}:role/${role}`, accountId, userName: role },
    attributes: { creationDate: ctx.sessionStart, mfaAuthenticated: 'false' },
  };
  const identity: Record<string, JsonValue> = { type: 'AssumedRole', principalId: `${roleId}:${session}` };
  if (!prng.chance(SESSION_WITHOUT_ARN_SHARE)) identity['arn'] = `arn:aws:sts::${accountId}:assumed-role/${role}/${session}`;
  identity['accountId'] = accountId;
  identity['accessKeyId'] = `ASIA${prng.upperAlnum(16)}`;
  identity['sessionContext'] = sessionContext;
  if (invokedBy !== undefined) identity['invokedBy'] = invokedBy;
  return identity;
}

function assumedRole(ctx: PrincipalContext): Principal {
  const { prng } = ctx;
  if (prng.chance(SERVICE_LINKED_SHARE)) {
    const [role, host] = prng.pick(SERVICE_LINKED_ROLES);
    const session = role.replace('AWSServiceRoleFor', '');
    return principal(ctx, roleSessionIdentity(ctx, role, session, host), host, host, false);
  }
  const role = fill(prng.pick(ROLE_NAMES), prng);
  const sso = role.startsWith('AWSReservedSSO_');
  const session = sso
    ? `${prng.pick(PEOPLE)}@example.com`
    : prng.pick([`i-0${prng.hex(16)}`, `botocore-session-${1_700_000_000 + prng.nextInt(9_000_000)}`, `aws-go-sdk-${prng.hex(12)}`, 'GitHubActions']);
  return principal(ctx, roleSessionIdentity(ctx, role, session, undefined), prng.pick(sso ? CONSOLE_USER_AGENTS : SDK_USER_AGENTS), undefined, sso);
}

function iamUser(ctx: PrincipalContext): Principal {
  const { prng, accountId } = ctx;
  const human = prng.chance(0.5);
  const userName = human ? `${prng.pick(PEOPLE)}.${prng.pick(WORDS)}` : `svc-${prng.pick(WORDS)}-${prng.hex(4)}`;
  const userIdentity: JsonObject = {
    type: 'IAMUser',
    principalId: `AIDA${prng.upperAlnum(17)}`,
    arn: `arn:aws:iam::${accountId}:user/${userName}`,
    accountId,
    accessKeyId: `AKIA${prng.upperAlnum(16)}`,
    userName,
  };
  return principal(ctx, userIdentity, prng.pick(human && prng.chance(0.5) ? CONSOLE_USER_AGENTS : SDK_USER_AGENTS), undefined, human);
}

function awsService(ctx: PrincipalContext): Principal {
  const host = ctx.prng.pick(ACTING_SERVICES);
  return principal(ctx, { type: 'AWSService', invokedBy: host }, host, host, false);
}

function federatedUser(ctx: PrincipalContext): Principal {
  const { prng, accountId } = ctx;
  const name = `${prng.pick(PEOPLE)}-${prng.hex(6)}`;
  const issuerName = `federation-broker-${prng.pick(WORDS)}`;
  const userIdentity: JsonObject = {
    type: 'FederatedUser',
    principalId: `${accountId}:${name}`,
    arn: `arn:aws:sts::${accountId}:federated-user/${name}`,
    accountId,
    accessKeyId: `ASIA${prng.upperAlnum(16)}`,
    sessionContext: {
      sessionIssuer: {
        type: 'IAMUser',
        principalId: `AIDA${prng.upperAlnum(17)}`,
        arn: `arn:aws:iam::${accountId}:user/${issuerName}`,
        accountId,
        userName: issuerName,
      },
      attributes: { creationDate: ctx.sessionStart, mfaAuthenticated: 'false' },
    },
  };
  return principal(ctx, userIdentity, prng.pick(SDK_USER_AGENTS), undefined, false);
}

function root(ctx: PrincipalContext): Principal {
  const { prng, accountId } = ctx;
  const userIdentity: JsonObject = {
    type: 'Root',
    principalId: accountId,
    arn: `arn:aws:iam::${accountId}:root`,
    accountId,
    accessKeyId: `ASIA${prng.upperAlnum(16)}`,
  };
  return principal(ctx, userIdentity, prng.pick(CONSOLE_USER_AGENTS), undefined, true);
}

function principal(ctx: PrincipalContext, userIdentity: JsonObject, userAgent: string, serviceHost: string | undefined, usesConsole: boolean): Principal {
  return { userIdentity, accountId: ctx.accountId, userAgent, serviceHost, usesConsole, homeRegion: ctx.homeRegion };
}

interface PrincipalKind {
  /** Share of the calls made by principals of this kind. */
  readonly callShare: number;
  /** Share of the pool's principals of this kind. */
  readonly poolShare: number;
  readonly make: (ctx: PrincipalContext) => Principal;
}

/**
 * The kinds of principal, by share of calls and of the pool: role sessions (automation, SSO,
 * service-linked roles) make most calls, AWS services acting for the account follow, root is rare.
 * Calls are split by kind first so these shares hold whichever principals the Zipf head favours.
 */
const PRINCIPAL_KINDS: readonly PrincipalKind[] = [
  { callShare: 0.32, poolShare: 0.6, make: assumedRole },
  { callShare: 0.42, poolShare: 0.05, make: awsService },
  { callShare: 0.21, poolShare: 0.27, make: iamUser },
  { callShare: 0.04, poolShare: 0.06, make: federatedUser },
  { callShare: 0.01, poolShare: 0.02, make: root },
];

/** Principals of one kind, drawn with a Zipf skew: a few automation roles make most of the calls. */
class KindPool {
  private readonly zipf: ZipfSampler;

  constructor(private readonly principals: readonly Principal[]) {
    this.zipf = new ZipfSampler(principals.length, 1.05);
  }

  draw(prng: Prng): Principal {
    return this.principals[this.zipf.sample(prng)] as Principal;
  }
}

export class PrincipalPool {
  private readonly kinds: readonly (readonly [callShare: number, pool: KindPool])[];

  constructor(size: number, accountIds: readonly string[], drawHomeRegion: (prng: Prng) => string, sessionStart: string, prng: Prng) {
    // Accounts are Zipf-skewed too: production accounts are busier than sandboxes.
    const accountZipf = new ZipfSampler(accountIds.length, 1);
    this.kinds = PRINCIPAL_KINDS.map((kind) => {
      const principals: Principal[] = [];
      const count = Math.max(1, Math.round(size * kind.poolShare));
      for (let i = 0; i < count; i++) {
        const accountId = accountIds[accountZipf.sample(prng)] as string;
        principals.push(kind.make({ prng, accountId, homeRegion: drawHomeRegion(prng), sessionStart }));
      }
      return [kind.callShare, new KindPool(principals)] as const;
    });
  }

  draw(prng: Prng): Principal {
    let ticket = prng.nextFloat();
    for (const [callShare, pool] of this.kinds) {
      ticket -= callShare;
      if (ticket < 0) return pool.draw(prng);
    }
    return (this.kinds[0] as readonly [number, KindPool])[1].draw(prng);
  }
}
