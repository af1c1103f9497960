import { pbkdf2 } from 'node:crypto';
import { createEngine } from '@trailpulse/analytics';
import { decodeBody, encodeBody } from './body-codec';
import { type StoredWindow } from './stored-window';

/** A stored window of a few thousand distinct IPs: a body well over the gzip threshold. */
function storedWindow(): StoredWindow {
  const engine = createEngine({ windowSeconds: 60 });
  for (let i = 0; i < 5000; i++) {
    engine.add({ record: { eventTime: '2024-01-01T00:00:05Z', eventSource: 's3.amazonaws.com', eventName: 'GetObject', sourceIPAddress: `10.0.${i >> 8}.${i & 255}` }, eventTimeMs: Date.parse('2024-01-01T00:00:05Z'), sizeBytes: 0, location: { source: 'test' } });
  }
  const [window] = engine.snapshot().windows;
  if (window === undefined) throw new Error('no window');
  return { partial: window.partial, custom: {} };
}

describe('body codec', () => {
  it('gzips a large body and reads back the same stored window', async () => {
    // Prepare
    const stored = storedWindow();
    // Act
    const body = await encodeBody(stored, 1024, 1);
    const decoded = await decodeBody(body);
    // Assess
    expect(body.encoding).toBe('gzip');
    expect({ partial: decoded.partial, custom: decoded.custom }).toEqual(JSON.parse(JSON.stringify(stored)));
  });

  it('does not queue behind a busy libuv thread pool (shared by every thread of the process)', async () => {
    // Prepare: every pool thread busy with a key derivation of a few hundred milliseconds
    const body = await encodeBody(storedWindow(), 1024, 1);
    const poolSize = Number(process.env['UV_THREADPOOL_SIZE'] ?? 4);
    const order: string[] = [];
    const busy = Array.from({ length: poolSize }, () => new Promise<void>((resolve) => pbkdf2('p', 's', 400_000, 32, 'sha256', () => (order.push('pool job'), resolve()))));
    // Act
    const encoded = await encodeBody(storedWindow(), 1024, 1);
    order.push('encoded');
    await decodeBody(body);
    order.push('decoded');
    await Promise.all(busy);
    // Assess: both done before any pool job (queued on the pool, they came after all of them)
    expect(encoded.encoding).toBe('gzip');
    expect(order.slice(0, 2)).toEqual(['encoded', 'decoded']);
  });
});
