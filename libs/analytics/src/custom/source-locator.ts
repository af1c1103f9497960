import { type Document, isAlias, isMap, isScalar, isSeq, type LineCounter, type Node } from 'yaml';

/** The 1-based line of a path inside the source document, when it can be told. */
export type SourceLocator = (path: readonly PropertyKey[]) => number | undefined;

/**
 * Locates paths in a parsed YAML document (JSON text is located the same way: JSON is YAML).
 * A path that does not exist, such as a missing key, is located at its deepest existing parent,
 * which is the object that lacks it.
 */
export function yamlLocator(document: Document, lineCounter: LineCounter): SourceLocator {
  return (path) => {
    let node = asNode(document.contents, document);
    let offset = node?.range?.[0];
    for (const segment of path) {
      const child = childOf(node, segment, document);
      if (child === undefined) break;
      node = child.node;
      offset = child.offset;
    }
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  };
}

interface Located {
  readonly node: Node | undefined;
  readonly offset: number | undefined;
}

function childOf(node: Node | undefined, segment: PropertyKey, document: Document): Located | undefined {
  if (isSeq(node) && typeof segment === 'number') {
    const item = asNode(node.items[segment], document);
    return item === undefined ? undefined : { node: item, offset: item.range?.[0] };
  }
  if (!isMap(node)) return undefined;
  const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
  if (pair === undefined) return undefined;
  const value = asNode(pair.value, document);
  // The key's own position: an unknown or invalid key is reported on its line even when its value spans several.
  const keyOffset = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
  return { node: value, offset: keyOffset ?? value?.range?.[0] };
}

function asNode(value: unknown, document: Document): Node | undefined {
  if (isAlias(value)) return value.resolve(document);
  return isMap(value) || isSeq(value) || isScalar(value) ? value : undefined;
}
