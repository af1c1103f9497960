import { type SeededRandom } from './seeded-random';
import { type Branch, type Leaf, maxOf, minOf, sizeOf, type TreeNode } from './tree-nodes';

/** Where a random cut of a node's box extended by a point falls (Guha et al. 2016, §3 and §4.1). */
type CutOutcome =
  | { readonly kind: 'duplicate' }
  | { readonly kind: 'separates'; readonly dimension: number; readonly cut: number; readonly pointGoesLeft: boolean }
  | { readonly kind: 'inside' };

/**
 * One robust random cut tree over a sample of points (Guha, Mishra, Roy, Schrijvers 2016, "Robust
 * Random Cut Forest Based Anomaly Detection on Streams", ICML). Insertion and deletion follow §4 so
 * the tree always has the distribution of a tree built from scratch on its current sample.
 */
export class RandomCutTree {
  constructor(public root: TreeNode | undefined = undefined) {}

  get size(): number {
    return this.root === undefined ? 0 : sizeOf(this.root);
  }

  /**
   * The collusive displacement CoDisp (§3, Definition 6) that `point` would have if it were inserted
   * now, without inserting it: the largest ratio, along its path, of the sibling's mass to the mass
   * of the subtree holding the point. It is what §4.1 insertion would do, so it uses fresh random cuts.
   */
  displacementIfInserted(point: Float64Array, random: SeededRandom): number {
    let node = this.root;
    if (node === undefined) return 0;
    for (;;) {
      const outcome = drawCut(node, point, random);
      if (outcome.kind === 'duplicate') return ancestorsDisplacement(node, sizeOf(node) + 1, 0);
      // Cut off on its own, the point's sibling is the whole subtree: ratio size / 1.
      if (outcome.kind === 'separates') return ancestorsDisplacement(node, sizeOf(node) + 1, sizeOf(node));
      node = childOnSide(node as Branch, point);
    }
  }

  /** Inserts `point` (§4.1, Algorithm InsertPoint): descend until a fresh random cut separates it. */
  insert(point: Float64Array, random: SeededRandom): void {
    let node = this.root;
    if (node === undefined) {
      this.root = { kind: 'leaf', point, count: 1, parent: undefined };
      return;
    }
    for (;;) {
      const outcome = drawCut(node, point, random);
      if (outcome.kind === 'duplicate') {
        (node as Leaf).count++;
        growAncestors(node.parent, point);
        return;
      }
      if (outcome.kind === 'separates') {
        this.splitAbove(node, point, outcome.dimension, outcome.cut, outcome.pointGoesLeft);
        return;
      }
      node = childOnSide(node as Branch, point);
    }
  }

  /** Deletes one copy of `point`, which must be in the tree (§4.2, Algorithm ForgetPoint). */
  delete(point: Float64Array): void {
    const leaf = this.findLeaf(point);
    if (leaf.count > 1) {
      leaf.count--;
      shrinkAncestors(leaf.parent);
      return;
    }
    const parent = leaf.parent;
    if (parent === undefined) {
      this.root = undefined;
      return;
    }
    // The sibling takes the parent's place: the tree is then distributed as if built without the point.
    const sibling = parent.left === leaf ? parent.right : parent.left;
    this.replace(parent, sibling);
    shrinkAncestors(sibling.parent);
  }

  private findLeaf(point: Float64Array): Leaf {
    let node = this.root;
    while (node !== undefined && node.kind === 'branch') node = childOnSide(node, point);
    if (node === undefined || !samePoint(node.point, point)) throw new RangeError('random cut tree: the point to delete is not in the tree');
    return node;
  }

  private splitAbove(node: TreeNode, point: Float64Array, dimension: number, cut: number, pointGoesLeft: boolean): void {
    const parent = node.parent;
    const leaf: Leaf = { kind: 'leaf', point, count: 1, parent: undefined };
    const min = Float64Array.from(minOf(node), (value, d) => Math.min(value, point[d] ?? value));
    const max = Float64Array.from(maxOf(node), (value, d) => Math.max(value, point[d] ?? value));
    const branch: Branch = {
      kind: 'branch',
      dimension,
      cut,
      left: pointGoesLeft ? leaf : node,
      right: pointGoesLeft ? node : leaf,
      min,
      max,
      size: sizeOf(node) + 1,
      parent,
    };
    this.replace(node, branch);
    leaf.parent = branch;
    node.parent = branch;
    growAncestors(parent, point);
  }

  /** Puts `replacement` where `node` hangs (or at the root). */
  private replace(node: TreeNode, replacement: TreeNode): void {
    const parent = node.parent;
    replacement.parent = parent;
    if (parent === undefined) this.root = replacement;
    else if (parent.left === node) parent.left = replacement;
    else parent.right = replacement;
  }
}

/**
 * Draws a cut of the box of `node` extended by `point`, with the dimension chosen proportionally to
 * its range and the value uniform within it (§3, Definition 1: "random cuts proportional to ranges").
 */
function drawCut(node: TreeNode, point: Float64Array, random: SeededRandom): CutOutcome {
  const min = minOf(node);
  const max = maxOf(node);
  let total = 0;
  for (let d = 0; d < point.length; d++) total += Math.max(max[d] as number, point[d] as number) - Math.min(min[d] as number, point[d] as number);
  if (total === 0) return { kind: 'duplicate' };
  let offset = random.next() * total;
  let dimension = 0;
  for (let d = 0; d < point.length; d++) {
    const range = Math.max(max[d] as number, point[d] as number) - Math.min(min[d] as number, point[d] as number);
    if (range === 0) continue;
    dimension = d;
    if (offset < range) break;
    // Rounding can leave offset at the very end of the last positive range: the loop then keeps it.
    if (d < point.length - 1) offset -= range;
  }
  return cutOutcome(dimension, offset, min, max, point);
}

function cutOutcome(d: number, offset: number, min: Float64Array, max: Float64Array, point: Float64Array): CutOutcome {
  const value = point[d] as number;
  const boxMin = min[d] as number;
  const boxMax = max[d] as number;
  const low = Math.min(boxMin, value);
  const unrounded = low + offset;
  // A cut must lie in [low, high) so both sides are non-empty; only rounding can reach high.
  const cut = unrounded < Math.max(boxMax, value) ? unrounded : low;
  // The point alone on one side of the cut (points equal to the cut go left): separated here (§4.1, step 4).
  if (value < boxMin && cut < boxMin) return { kind: 'separates', dimension: d, cut, pointGoesLeft: true };
  if (value > boxMax && cut >= boxMax) return { kind: 'separates', dimension: d, cut, pointGoesLeft: false };
  return { kind: 'inside' };
}

/** Continues a CoDisp computation from `node`, whose subtree would hold `heldMass` with the point. */
function ancestorsDisplacement(node: TreeNode, heldMass: number, initial: number): number {
  let displacement = initial;
  let child: TreeNode = node;
  let held = heldMass;
  for (let parent = node.parent; parent !== undefined; parent = parent.parent) {
    const siblingMass = parent.size - sizeOf(child);
    displacement = Math.max(displacement, siblingMass / held);
    held += siblingMass;
    child = parent;
  }
  return displacement;
}

function childOnSide(branch: Branch, point: Float64Array): TreeNode {
  return (point[branch.dimension] as number) <= branch.cut ? branch.left : branch.right;
}

function growAncestors(from: Branch | undefined, point: Float64Array): void {
  for (let node = from; node !== undefined; node = node.parent) {
    node.size++;
    for (let d = 0; d < point.length; d++) {
      const value = point[d] as number;
      if (value < (node.min[d] as number)) node.min[d] = value;
      if (value > (node.max[d] as number)) node.max[d] = value;
    }
  }
}

function shrinkAncestors(from: Branch | undefined): void {
  for (let node = from; node !== undefined; node = node.parent) {
    node.size--;
    const leftMin = minOf(node.left);
    const rightMin = minOf(node.right);
    const leftMax = maxOf(node.left);
    const rightMax = maxOf(node.right);
    for (let d = 0; d < node.min.length; d++) {
      node.min[d] = Math.min(leftMin[d] as number, rightMin[d] as number);
      node.max[d] = Math.max(leftMax[d] as number, rightMax[d] as number);
    }
  }
}

function samePoint(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && a.every((value, d) => value === b[d]);
}
