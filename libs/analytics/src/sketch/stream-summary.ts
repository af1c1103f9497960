/**
 * The "stream summary" of Metwally et al.: counters grouped in buckets of equal count, buckets
 * in a doubly linked list by ascending count. Finding a counter with the minimum count and adding
 * one to any counter are O(1) worst case, which is what Space-Saving needs once it is full.
 *
 * Counters are slots 0..n-1 (the owner keeps keys and counts); every link is an index in a typed
 * array, so updates allocate nothing. NONE (-1) ends a list.
 */
const NONE = -1;

export class StreamSummary {
  // Per slot: its bucket and its neighbours inside that bucket.
  private readonly bucketOfSlot: Int32Array;
  private readonly nextInBucket: Int32Array;
  private readonly previousInBucket: Int32Array;
  // Per bucket: its count, its first slot and its neighbours in count order. Free buckets are
  // chained through nextBucket. There are never more buckets in use than slots.
  private readonly bucketCount: Float64Array;
  private readonly firstSlotOfBucket: Int32Array;
  private readonly nextBucket: Int32Array;
  private readonly previousBucket: Int32Array;
  private freeBucket = NONE;
  private minBucket = NONE;

  /** Orders slots 0..counts.length-1 by their current counts (O(n log n), once per fill). */
  constructor(counts: readonly number[]) {
    const slots = counts.length;
    this.bucketOfSlot = new Int32Array(slots);
    this.nextInBucket = new Int32Array(slots);
    this.previousInBucket = new Int32Array(slots);
    this.bucketCount = new Float64Array(slots);
    this.firstSlotOfBucket = new Int32Array(slots);
    this.nextBucket = new Int32Array(slots);
    this.previousBucket = new Int32Array(slots);
    for (let bucket = slots - 1; bucket >= 0; bucket--) this.releaseBucket(bucket);

    const byCountDescending = Array.from({ length: slots }, (_, slot) => slot).sort(
      (a, b) => (counts[b] as number) - (counts[a] as number),
    );
    // Walking from the largest count down, each new bucket goes in front, so the list ends up ascending.
    for (const slot of byCountDescending) {
      const count = counts[slot] as number;
      if (this.minBucket === NONE || this.bucketCount[this.minBucket] !== count) {
        const bucket = this.takeBucket(count);
        this.linkBucketAfter(bucket, NONE);
      }
      this.pushSlot(slot, this.minBucket);
    }
  }

  /** A slot holding the smallest count. */
  minSlot(): number {
    return this.firstSlotOfBucket[this.minBucket] as number;
  }

  /** Moves `slot` from count c to count c + 1. */
  increment(slot: number): void {
    const bucket = this.bucketOfSlot[slot] as number;
    const target = (this.bucketCount[bucket] as number) + 1;
    const next = this.nextBucket[bucket] as number;
    const nextMatches = next !== NONE && this.bucketCount[next] === target;
    const alone = this.firstSlotOfBucket[bucket] === slot && this.nextInBucket[slot] === NONE;
    if (alone && !nextMatches) {
      // The bucket keeps its place: the next bucket, if any, counts more than target.
      this.bucketCount[bucket] = target;
      return;
    }
    this.unlinkSlot(slot, bucket);
    let destination = next;
    if (!nextMatches) {
      destination = this.takeBucket(target);
      this.linkBucketAfter(destination, bucket);
    }
    if (this.firstSlotOfBucket[bucket] === NONE) this.removeBucket(bucket);
    this.pushSlot(slot, destination);
  }

  private pushSlot(slot: number, bucket: number): void {
    const first = this.firstSlotOfBucket[bucket] as number;
    this.bucketOfSlot[slot] = bucket;
    this.previousInBucket[slot] = NONE;
    this.nextInBucket[slot] = first;
    if (first !== NONE) this.previousInBucket[first] = slot;
    this.firstSlotOfBucket[bucket] = slot;
  }

  private unlinkSlot(slot: number, bucket: number): void {
    const previous = this.previousInBucket[slot] as number;
    const next = this.nextInBucket[slot] as number;
    if (previous === NONE) this.firstSlotOfBucket[bucket] = next;
    else this.nextInBucket[previous] = next;
    if (next !== NONE) this.previousInBucket[next] = previous;
  }

  private takeBucket(count: number): number {
    const bucket = this.freeBucket;
    this.freeBucket = this.nextBucket[bucket] as number;
    this.bucketCount[bucket] = count;
    this.firstSlotOfBucket[bucket] = NONE;
    return bucket;
  }

  private releaseBucket(bucket: number): void {
    this.nextBucket[bucket] = this.freeBucket;
    this.freeBucket = bucket;
  }

  /** Links `bucket` right after `previous` in count order; NONE makes it the new minimum. */
  private linkBucketAfter(bucket: number, previous: number): void {
    const next = previous === NONE ? this.minBucket : (this.nextBucket[previous] as number);
    this.previousBucket[bucket] = previous;
    this.nextBucket[bucket] = next;
    if (previous === NONE) this.minBucket = bucket;
    else this.nextBucket[previous] = bucket;
    if (next !== NONE) this.previousBucket[next] = bucket;
  }

  private removeBucket(bucket: number): void {
    const previous = this.previousBucket[bucket] as number;
    const next = this.nextBucket[bucket] as number;
    if (previous === NONE) this.minBucket = next;
    else this.nextBucket[previous] = next;
    if (next !== NONE) this.previousBucket[next] = previous;
    this.releaseBucket(bucket);
  }
}
