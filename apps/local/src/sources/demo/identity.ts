/**
 * The `userIdentity` block of a demo record, in the shapes CloudTrail logs: ids (AIDA…, AROA…, AKIA…,
 * ASIA…) are derived from the seed and the principal, so a principal keeps its ids, and a role session
 * its temporary key for an hour, as real credentials would.
 */
import { accountId, type Principal } from './world/principals';
import { hashText, mixSeed, Random } from './random';

const HOUR_MS = 3_600_000;

export interface IdentityContext {
  readonly seed: number;
  readonly principal: Principal;
  /** The session name, for assumed roles. */
  readonly session: string | undefined;
  readonly timeMs: number;
}

interface PrincipalIds {
  readonly uniqueId: string;
  readonly longTermKey: string;
  readonly sessionKey: string;
}

/** Ids are the same for every call of a principal's session within an hour: computing them once per hour saves most of a record's cost. */
const idCache = new Map<string, PrincipalIds>();
const MAX_CACHED_IDS = 4096;

/** Stable ids of a principal (and of one of its sessions for an hour). */
function ids(context: IdentityContext): PrincipalIds {
  const cacheKey = `${context.seed}\0${context.principal.key}\0${context.session ?? ''}\0${Math.floor(context.timeMs / HOUR_MS)}`;
  const cached = idCache.get(cacheKey);
  if (cached !== undefined) return cached;
  if (idCache.size >= MAX_CACHED_IDS) idCache.clear();
  const computed = computeIds(context);
  idCache.set(cacheKey, computed);
  return computed;
}

function computeIds(context: IdentityContext): PrincipalIds {
  const stable = new Random(mixSeed(context.seed, hashText(context.principal.key)));
  const uniqueId = stable.upperAlphanumeric(17);
  const longTermKey = stable.upperAlphanumeric(16);
  const hourly = new Random(mixSeed(context.seed, hashText(context.principal.key), hashText(context.session ?? ''), Math.floor(context.timeMs / HOUR_MS)));
  return { uniqueId, longTermKey, sessionKey: hourly.upperAlphanumeric(16) };
}

function sessionCreationDate(timeMs: number): string {
  return isoSeconds(Math.floor(timeMs / HOUR_MS) * HOUR_MS);
}

let lastIsoSecond = Number.NaN;
let lastIsoText = '';

/** CloudTrail's eventTime form: seconds, no fraction. (Records come in time order, so the last text is usually the one needed.) */
export function isoSeconds(timeMs: number): string {
  const second = Math.floor(timeMs / 1000);
  if (second !== lastIsoSecond) {
    lastIsoSecond = second;
    lastIsoText = `${new Date(second * 1000).toISOString().slice(0, 19)}Z`;
  }
  return lastIsoText;
}

export function userIdentity(context: IdentityContext): Record<string, unknown> {
  const { principal } = context;
  const account = accountId(principal.account);
  const { uniqueId, longTermKey, sessionKey } = ids(context);
  const shape = principal.shape;
  switch (shape.type) {
    case 'IAMUser':
      return {
        type: 'IAMUser',
        principalId: `AIDA${uniqueId}`,
        arn: `arn:aws:iam::${account}:user/${shape.userName}`,
        accountId: account,
        accessKeyId: shape.console === true ? `ASIA${sessionKey}` : `AKIA${longTermKey}`,
        userName: shape.userName,
        ...(shape.console === true ? { sessionContext: { attributes: { creationDate: sessionCreationDate(context.timeMs), mfaAuthenticated: 'true' } } } : {}),
      };
    case 'AssumedRole': {
      const session = context.session ?? shape.sessions[0] ?? 'session';
      const roleId = `AROA${uniqueId}`;
      return {
        type: 'AssumedRole',
        principalId: `${roleId}:${session}`,
        arn: `arn:aws:sts::${account}:assumed-role/${shape.roleName}/${session}`,
        accountId: account,
        accessKeyId: `ASIA${sessionKey}`,
        sessionContext: {
          sessionIssuer: { type: 'Role', principalId: roleId, arn: `arn:aws:iam::${account}:role/${shape.rolePath ?? ''}${shape.roleName}`, accountId: account, userName: shape.roleName },
          webIdFederationData: {},
          attributes: { creationDate: sessionCreationDate(context.timeMs), mfaAuthenticated: 'false' },
        },
        ...(shape.invokedBy === undefined ? {} : { invokedBy: shape.invokedBy }),
      };
    }
    case 'AWSService':
      return { type: 'AWSService', invokedBy: shape.service };
    case 'Root':
      return {
        type: 'Root',
        principalId: account,
        arn: `arn:aws:iam::${account}:root`,
        accountId: account,
        accessKeyId: context.session === undefined ? '' : `ASIA${sessionKey}`,
        ...(context.session === undefined ? {} : { sessionContext: { attributes: { creationDate: isoSeconds(context.timeMs), mfaAuthenticated: 'false' } } }),
      };
  }
}
