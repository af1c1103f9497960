/**
 * One second of background traffic: principals picked by weight, each calling what its kind calls, in
 * its regions, from its addresses. A small share is logged with an error, and a small share arrives late
 * (CloudTrail delivers some events minutes after they happened), so windows get revised as in reality.
 */
import { type PendingRecord } from './pending-record';
import { type Random } from './random';
import { CALL_GROUPS } from './world/calls';
import { HOME_REGION_WEIGHTS } from './world/organization';
import { accountId, PRINCIPALS, type Principal } from './world/principals';
import { type CallSpec } from './world/calls';

const ERROR_SHARE = 0.004;
const LATE_SHARE = 0.02;
const LATE_MIN_MS = 5_000;
const LATE_MAX_MS = 90_000;

export function backgroundSecond(secondStartMs: number, count: number, random: Random): PendingRecord[] {
  const records: PendingRecord[] = [];
  for (let i = 0; i < count; i++) {
    const principal = random.pickWeighted(PRINCIPALS, (candidate) => candidate.weight);
    const call = random.pickWeighted(CALL_GROUPS[principal.calls], (candidate) => candidate.weight);
    const late = random.chance(LATE_SHARE) ? LATE_MIN_MS + random.int(LATE_MAX_MS - LATE_MIN_MS) : 0;
    const session = principal.shape.type === 'AssumedRole' ? random.pick(principal.shape.sessions) : undefined;
    const record: PendingRecord = {
      principal,
      ...(session === undefined ? {} : { session }),
      call,
      recipientAccountId: accountId(random.pick(principal.targets)),
      region: random.pickWeighted(principal.regions, (region) => HOME_REGION_WEIGHTS[region as keyof typeof HOME_REGION_WEIGHTS] ?? 1),
      timeMs: secondStartMs + random.int(1000) - late,
      sourceIPAddress: random.pick(principal.ips),
      userAgent: random.pick(principal.userAgents),
    };
    records.push(random.chance(ERROR_SHARE) ? { ...record, error: backgroundError(principal, call, random) } : record);
  }
  return records;
}

/** The everyday errors of a busy organization: throttling, a missing resource, a policy gap. */
function backgroundError(principal: Principal, call: CallSpec, random: Random): { code: string; message: string } {
  const ec2 = call.eventSource === 'ec2.amazonaws.com';
  switch (random.int(3)) {
    case 0:
      return ec2 ? { code: 'Client.RequestLimitExceeded', message: 'Request limit exceeded.' } : { code: 'ThrottlingException', message: 'Rate exceeded' };
    case 1:
      return ec2
        ? { code: 'Client.InvalidInstanceID.NotFound', message: `The instance ID 'i-0${random.hex(16)}' does not exist` }
        : { code: 'ResourceNotFoundException', message: 'Requested resource not found' };
    default:
      return {
        code: ec2 ? 'Client.UnauthorizedOperation' : 'AccessDenied',
        message: `User: ${principal.key} is not authorized to perform: ${call.eventSource.split('.')[0] ?? ''}:${call.eventName} because no identity-based policy allows it`,
      };
  }
}
