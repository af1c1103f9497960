/**
 * Hands out one canonical copy per distinct string value cut out of a larger text.
 *
 * Why: the scanner cuts values out of a decoded 64 KiB piece with `slice`, and V8 slices of 13
 * characters or more keep their whole piece alive. The engine keeps its window keys (services,
 * event names, identities, IPs) for the whole run: without copies they pinned most of the input in
 * memory and garbage collection took over a third of the time. A canonical copy also has its hash
 * computed once, instead of on every Map lookup the engine makes with a fresh slice (about five per
 * record), and hashing a slice is slow (~2 ns per character on the reference machine).
 *
 * Why a small two-way set-associative table and not a Map: a Map lookup hashes the whole slice. Here the slot comes
 * from the length and a few characters, and a hit is confirmed with one `===` (a single comparison
 * of the characters), about half the cost of a Map lookup for typical values and a third for ARNs.
 * A collision, or a value seen once (most IPs of a large fleet), only costs a copy; the table never
 * grows and never needs clearing.
 */
export class StringInterner {
  private readonly slots: (string | undefined)[];
  private readonly mask: number;

  /** `slotBits`: log2 of the table size (at least one pair); a few times the number of distinct hot values is plenty. */
  constructor(slotBits = 12) {
    const size = Math.max(2, 1 << slotBits);
    this.slots = new Array<string | undefined>(size).fill(undefined);
    this.mask = size - 1;
  }

  /**
   * The canonical copy of `value`. Two-way set associative: a value may sit in either slot of its
   * pair, and a new one goes first, pushing the pair's first to second. Hot values that collide
   * then keep their copies, so the engine's Maps see the same string object (hash cached, equal by
   * identity) record after record instead of a fresh copy to hash and compare.
   */
  intern(value: string): string {
    if (value.length === 0) return value;
    const first = slotOf(value) & this.mask & ~1;
    const slots = this.slots;
    const known = slots[first];
    if (known === value) return known;
    const second = slots[first + 1];
    if (second === value) return second;
    const copy = flatCopy(value);
    slots[first + 1] = known;
    slots[first] = copy;
    return copy;
  }
}

/**
 * A cheap hash of the length and eight characters: both ends, the middle and the quarters.
 * CloudTrail values differ at the start (event sources: "iam.amazonaws.com"), at the end (event
 * names, IPs) or in between (ARNs), and sharing the ends only must not send them to one slot.
 * Out-of-range positions of very short values give NaN, which the integer arithmetic makes 0.
 */
function slotOf(value: string): number {
  const length = value.length;
  let hash = Math.imul(length ^ value.charCodeAt(0), 0x9e3779b1);
  hash = Math.imul(hash ^ value.charCodeAt(1), 0x85ebca6b);
  hash = Math.imul(hash ^ value.charCodeAt(2), 0xc2b2ae35);
  hash = Math.imul(hash ^ value.charCodeAt(length >> 2), 0x27d4eb2f);
  hash = Math.imul(hash ^ value.charCodeAt(length >> 1), 0x9e3779b1);
  hash = Math.imul(hash ^ value.charCodeAt(length - (length >> 2)), 0x85ebca6b);
  hash = Math.imul(hash ^ value.charCodeAt(length - 1), 0xc2b2ae35);
  hash = Math.imul(hash ^ value.charCodeAt(length - 2), 0x27d4eb2f);
  return hash ^ (hash >>> 15);
}

/**
 * A copy that does not reference the text `value` was cut from. Shorter slices are copies already;
 * for longer ones, concatenating makes a rope and slicing the rope flattens it into a string of its own.
 */
function flatCopy(value: string): string {
  return value.length < 13 ? value : ` ${value}`.slice(1);
}
