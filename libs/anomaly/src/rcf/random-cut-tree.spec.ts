import fc from 'fast-check';
import { RandomCutTree } from './random-cut-tree';
import { SeededRandom } from './seeded-random';
import { maxOf, minOf, sizeOf, type TreeNode } from './tree-nodes';

const point = (...values: number[]): Float64Array => Float64Array.from(values);

/** Checks every branch's mass and box against its children; returns the leaves' points with multiplicity. */
function checkedPoints(node: TreeNode | undefined): number[][] {
  if (node === undefined) return [];
  if (node.kind === 'leaf') return Array.from({ length: node.count }, () => Array.from(node.point));
  expect(node.left.parent).toBe(node);
  expect(node.right.parent).toBe(node);
  expect(node.size).toBe(sizeOf(node.left) + sizeOf(node.right));
  for (let d = 0; d < node.min.length; d++) {
    expect(node.min[d]).toBe(Math.min(minOf(node.left)[d] as number, minOf(node.right)[d] as number));
    expect(node.max[d]).toBe(Math.max(maxOf(node.left)[d] as number, maxOf(node.right)[d] as number));
  }
  return [...checkedPoints(node.left), ...checkedPoints(node.right)];
}

const sortedRows = (rows: number[][]): string[] => rows.map((row) => row.join(',')).sort();

describe('RandomCutTree', () => {
  it('keeps masses, boxes and points consistent through any insertions and deletions, duplicates included', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })), { minLength: 1, maxLength: 40 }), fc.nat(), (pairs, seed) => {
        // Prepare
        const random = new SeededRandom(seed);
        const tree = new RandomCutTree();
        const points = pairs.map(([a, b]) => point(a, b));
        // Act
        for (const p of points) tree.insert(p, random);
        const half = Math.floor(points.length / 2);
        for (const p of points.slice(0, half)) tree.delete(p);
        // Assess
        expect(sortedRows(checkedPoints(tree.root))).toEqual(sortedRows(points.slice(half).map((p) => Array.from(p))));
        expect(tree.size).toBe(points.length - half);
      }),
    );
  });

  it('gives an isolated point a larger displacement than a point inside the cluster', () => {
    // Prepare
    const random = new SeededRandom(7);
    const tree = new RandomCutTree();
    for (let i = 0; i < 64; i++) tree.insert(point(i % 8, Math.floor(i / 8)), random);
    // Act
    const inside = tree.displacementIfInserted(point(3.5, 3.5), random);
    const outside = tree.displacementIfInserted(point(100, 100), random);
    // Assess
    expect(outside).toBe(64);
    expect(inside).toBeLessThan(outside);
  });

  it('scores without inserting, and an empty tree scores 0', () => {
    // Prepare
    const random = new SeededRandom(1);
    const tree = new RandomCutTree();
    // Act + Assess
    expect(tree.displacementIfInserted(point(1), random)).toBe(0);
    tree.insert(point(1), random);
    tree.insert(point(2), random);
    // A copy of 1 joins its leaf (mass 2) against the sibling leaf 2 (mass 1).
    expect(tree.displacementIfInserted(point(1), random)).toBe(0.5);
    // 9 is cut off at the root (ratio 2/1) unless the cut falls in [1, 2) (then 1/1 at the leaf 2).
    expect([1, 2]).toContain(tree.displacementIfInserted(point(9), random));
    expect(tree.size).toBe(2);
  });

  it('refuses to delete a point it does not hold', () => {
    // Prepare
    const tree = new RandomCutTree();
    tree.insert(point(1), new SeededRandom(1));
    // Act + Assess
    expect(() => tree.delete(point(2))).toThrow(RangeError);
  });
});
