import { PushSource, IngestQueueFullError } from './push-source';

describe('PushSource (HTTP ingest)', () => {
  it('hands pushed records over in order, with seqs from the clock that never repeat, even after a restart', async () => {
    // Prepare
    const clock = { now: () => 1_700_000_000_000 };
    const source = new PushSource({ clock });
    source.push([{ a: 1 }]);
    source.push([{ a: 2 }, { a: 3 }]);
    // Act
    const seen = [];
    for await (const batch of source.start()) {
      seen.push(batch);
      if (seen.length === 2) break;
    }
    // A restart from the first batch's checkpoint, with the clock not moved: seqs still move on.
    const restarted = new PushSource({ clock });
    restarted.push([{ a: 4 }]);
    const [after] = await (async () => {
      for await (const batch of restarted.start({ from: seen[1]?.position ?? {} })) return [batch];
      return [];
    })();
    // Assess
    expect(seen.map((batch) => batch.records)).toEqual([[{ a: 1 }], [{ a: 2 }, { a: 3 }]]);
    expect(seen[0]?.seq).toBe(1_700_000_000_000_000);
    expect(seen[1]?.seq).toBe(1_700_000_000_000_001);
    expect(after?.seq).toBe(1_700_000_000_000_002);
  });

  it('waits for records, and ends when the signal aborts', async () => {
    // Prepare
    const source = new PushSource();
    const controller = new AbortController();
    const iterator = source.start({ signal: controller.signal })[Symbol.asyncIterator]();
    // Act
    const first = iterator.next();
    source.push([{ late: true }]);
    const firstBatch = await first;
    const second = iterator.next();
    controller.abort();
    // Assess
    expect(firstBatch.value?.records).toEqual([{ late: true }]);
    expect((await second).done).toBe(true);
  });

  it('refuses a push when the queue is full, so the handler can answer 429', () => {
    // Prepare
    const source = new PushSource({ maxQueuedBatches: 2 });
    source.push([]);
    source.push([]);
    // Act / Assess
    expect(() => source.push([])).toThrow(IngestQueueFullError);
  });
});
