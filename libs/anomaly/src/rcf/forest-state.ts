import { DetectorStateError } from '../detector';
import { RandomCutTree } from './random-cut-tree';
import { type SampledPoint, TimeDecaySampler } from './time-decay-sampler';
import { type Branch, maxOf, minOf, sizeOf, type TreeNode } from './tree-nodes';

/** The data of a random-cut-forest snapshot (JSON). */
export interface ForestStateData {
  /** Points shingled so far: the next point's index, which its time-decay weight uses. */
  readonly seen: number;
  /** The last values, oldest first (fewer than shingleSize). */
  readonly recent: readonly number[];
  readonly random: number;
  /** Every distinct sampled point once; samples and leaves refer to them by index. */
  readonly points: readonly (readonly number[])[];
  readonly trees: readonly TreeStateData[];
}

export interface TreeStateData {
  /** The sampler's heap, in heap order: [key, point index] pairs. */
  readonly sample: readonly (readonly [number, number])[];
  /** The tree in pre-order: a branch is `dimension, cut` then its subtrees; a leaf is `-1 - point index, count`. */
  readonly nodes: readonly number[];
}

/** A forest's trees and samplers, as the detector holds them. */
export interface ForestParts {
  readonly trees: readonly RandomCutTree[];
  readonly samplers: readonly TimeDecaySampler[];
}

export function encodeForest(parts: ForestParts): Pick<ForestStateData, 'points' | 'trees'> {
  const indexOf = new Map<Float64Array, number>();
  const points: number[][] = [];
  const pointIndex = (point: Float64Array): number => {
    let index = indexOf.get(point);
    if (index === undefined) {
      index = points.push(Array.from(point)) - 1;
      indexOf.set(point, index);
    }
    return index;
  };
  const trees = parts.trees.map((tree, t) => {
    const nodes: number[] = [];
    const visit = (node: TreeNode): void => {
      if (node.kind === 'leaf') nodes.push(-1 - pointIndex(node.point), node.count);
      else {
        nodes.push(node.dimension, node.cut);
        visit(node.left);
        visit(node.right);
      }
    };
    if (tree.root !== undefined) visit(tree.root);
    const sample = (parts.samplers[t]?.heap ?? []).map((entry): [number, number] => [entry.key, pointIndex(entry.point)]);
    return { sample, nodes };
  });
  return { points, trees };
}

/**
 * Rebuilds trees and samplers. Sampled points and leaves share one Float64Array per point, as they
 * did before the snapshot, so deleting an evicted point finds its leaf.
 */
export function decodeForest(data: ForestStateData, dimensions: number, sampleSize: number, timeDecay: number): ForestParts {
  const points = data.points.map((point) => {
    if (point.length !== dimensions || !point.every(Number.isFinite)) throw new DetectorStateError(`random-cut-forest state has a point that is not ${dimensions} finite numbers`);
    return Float64Array.from(point);
  });
  const pointAt = (index: number): Float64Array => {
    const point = points[index];
    if (point === undefined) throw new DetectorStateError(`random-cut-forest state refers to point ${index}, which it does not hold`);
    return point;
  };
  const trees = data.trees.map((tree) => new RandomCutTree(decodeNodes(tree.nodes, pointAt, dimensions)));
  const samplers = data.trees.map((tree) => {
    if (tree.sample.length > sampleSize) throw new DetectorStateError(`random-cut-forest state samples ${tree.sample.length} points, more than ${sampleSize}`);
    const heap = tree.sample.map(([key, index]): SampledPoint => ({ key, point: pointAt(index) }));
    return new TimeDecaySampler(sampleSize, timeDecay, heap);
  });
  return { trees, samplers };
}

function decodeNodes(nodes: readonly number[], pointAt: (index: number) => Float64Array, dimensions: number): TreeNode | undefined {
  if (nodes.length === 0) return undefined;
  let next = 0;
  const read = (): number => {
    const value = nodes[next++];
    if (value === undefined || !Number.isFinite(value)) throw new DetectorStateError('random-cut-forest state has a truncated or non-numeric tree');
    return value;
  };
  const decode = (): TreeNode => {
    const head = read();
    const second = read();
    if (head < 0) {
      if (!Number.isSafeInteger(second) || second < 1) throw new DetectorStateError(`random-cut-forest state has a leaf with count ${second}`);
      return { kind: 'leaf', point: pointAt(-1 - head), count: second, parent: undefined };
    }
    if (!Number.isInteger(head) || head >= dimensions) throw new DetectorStateError(`random-cut-forest state cuts dimension ${head} of ${dimensions}`);
    const left = decode();
    const right = decode();
    const branch: Branch = { kind: 'branch', dimension: head, cut: second, left, right, min: new Float64Array(dimensions), max: new Float64Array(dimensions), size: 0, parent: undefined };
    left.parent = branch;
    right.parent = branch;
    fitBox(branch);
    return branch;
  };
  const root = decode();
  if (next !== nodes.length) throw new DetectorStateError('random-cut-forest state has trailing tree data');
  return root;
}

/** A branch's mass and bounding box follow from its children; the snapshot does not repeat them. */
function fitBox(branch: Branch): void {
  branch.size = sizeOf(branch.left) + sizeOf(branch.right);
  const [leftMin, rightMin, leftMax, rightMax] = [minOf(branch.left), minOf(branch.right), maxOf(branch.left), maxOf(branch.right)];
  for (let d = 0; d < branch.min.length; d++) {
    branch.min[d] = Math.min(leftMin[d] as number, rightMin[d] as number);
    branch.max[d] = Math.max(leftMax[d] as number, rightMax[d] as number);
  }
}
