/** A sampled point (or several identical ones): its bounding box is the point itself. */
export interface Leaf {
  readonly kind: 'leaf';
  readonly point: Float64Array;
  /** How many sampled copies of this exact point the leaf holds. */
  count: number;
  parent: Branch | undefined;
}

/** A random cut: points with `point[dimension] <= cut` are on the left. */
export interface Branch {
  readonly kind: 'branch';
  readonly dimension: number;
  readonly cut: number;
  left: TreeNode;
  right: TreeNode;
  /** Bounding box of every point below, kept so the next random cut can be drawn in O(dimensions). */
  readonly min: Float64Array;
  readonly max: Float64Array;
  /** Number of points below (leaf counts included): the masses in the displacement ratios. */
  size: number;
  parent: Branch | undefined;
}

export type TreeNode = Leaf | Branch;

export const sizeOf = (node: TreeNode): number => (node.kind === 'leaf' ? node.count : node.size);
export const minOf = (node: TreeNode): Float64Array => (node.kind === 'leaf' ? node.point : node.min);
export const maxOf = (node: TreeNode): Float64Array => (node.kind === 'leaf' ? node.point : node.max);
