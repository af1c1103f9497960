import { lookupOperation } from '@trailpulse/event-schema';
import { CALL_GROUPS } from './calls';

const allCalls = Object.entries(CALL_GROUPS).flatMap(([group, calls]) => calls.map((call) => [group, `${call.eventSource}:${call.eventName}`, call] as const));

describe('the demo call groups', () => {
  it.each(allCalls)('%s %s is an operation of the service catalog, with the readOnly the API models give it', (_group, _key, call) => {
    // Act
    const operation = lookupOperation(call.eventSource, call.eventName);
    // Assess
    expect(operation).toBeDefined();
    if (operation?.readOnly != null) expect(call.readOnly).toBe(operation.readOnly);
  });
});
