// Failed calls: mostly authorization failures and throttling, the two error classes the
// dashboard watches, plus the everyday validation and not-found errors.
import { type Prng } from './prng';

/** Share of API calls that fail. */
export const ERROR_SHARE = 0.07;

export interface CallError {
  readonly errorCode: string;
  readonly errorMessage: string;
}

export interface FailedCall {
  readonly prng: Prng;
  readonly eventSource: string;
  readonly serviceId: string;
  readonly eventName: string;
  /** The caller's ARN (or principal) as it appears in AWS error messages. */
  readonly caller: string;
  readonly resourceArn: string;
}

function accessDenied(call: FailedCall): CallError {
  const action = `${call.serviceId}:${call.eventName}`;
  if (call.eventSource === 'ec2.amazonaws.com') {
    return {
      errorCode: 'Client.UnauthorizedOperation',
      errorMessage: `You are not authorized to perform this operation. User: ${call.caller} is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`,
    };
  }
  return {
    errorCode: call.prng.chance(0.5) ? 'AccessDenied' : 'AccessDeniedException',
    errorMessage: `User: ${call.caller} is not authorized to perform: ${action} on resource: ${call.resourceArn} because no identity-based policy allows the ${action} action`,
  };
}

function throttled(call: FailedCall): CallError {
  return call.eventSource === 'ec2.amazonaws.com'
    ? { errorCode: 'Client.RequestLimitExceeded', errorMessage: 'Request limit exceeded.' }
    : { errorCode: 'ThrottlingException', errorMessage: 'Rate exceeded' };
}

function otherError(call: FailedCall): CallError {
  const { prng } = call;
  switch (prng.nextInt(4)) {
    case 0:
      return { errorCode: 'ResourceNotFoundException', errorMessage: `Resource ${call.resourceArn} not found.` };
    case 1:
      return { errorCode: 'ValidationException', errorMessage: `1 validation error detected: Value null at 'maxResults' failed to satisfy constraint` };
    case 2:
      return call.eventSource === 'iam.amazonaws.com'
        ? { errorCode: 'NoSuchEntityException', errorMessage: `The role with name ${call.resourceArn.split('/').pop() ?? ''} cannot be found.` }
        : { errorCode: 'InvalidParameterValueException', errorMessage: 'The parameter value is not valid for this operation.' };
    default:
      return { errorCode: 'ServiceUnavailableException', errorMessage: 'Service is temporarily unavailable. Please retry.' };
  }
}

export function drawCallError(call: FailedCall): CallError {
  const ticket = call.prng.nextFloat();
  if (ticket < 0.5) return accessDenied(call);
  if (ticket < 0.75) return throttled(call);
  return otherError(call);
}
