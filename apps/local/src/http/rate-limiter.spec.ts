import { RateLimiter } from './rate-limiter';
import { VirtualClock } from './testing/virtual-clock';

describe('RateLimiter', () => {
  it('allows a burst, then one request per refill interval, per key', () => {
    // Prepare
    const clock = new VirtualClock();
    const limiter = new RateLimiter({ burst: 2, perSecond: 4 }, clock);

    // Act
    const burst = [limiter.take('a'), limiter.take('a'), limiter.take('a')];
    const otherKey = limiter.take('b');
    clock.advance(250);
    const refilled = [limiter.take('a'), limiter.take('a')];

    // Assess
    expect(burst.map((verdict) => verdict.allowed)).toEqual([true, true, false]);
    expect(burst[2]).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(otherKey.allowed).toBe(true);
    expect(refilled.map((verdict) => verdict.allowed)).toEqual([true, false]);
  });

  it('rounds Retry-After up to whole seconds', () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter({ burst: 1, perSecond: 0.1 }, clock);
    limiter.take('a');

    clock.advance(1_500);

    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 9 });
  });
});
