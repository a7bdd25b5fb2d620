// How deep bounded contexts nest, computed for a whole board in one pass. Walking every
// element's chain of enclosing contexts costs the square of the depth: a file of 5,000 contexts
// each inside the previous one blocked the page for seconds. Here each element is visited once
// (its depth is its parent's plus one), and nesting is capped at a depth no workshop needs.

/** Most bounded contexts a sticky (or a context) may sit inside. */
export const MAX_CONTEXT_NESTING = 32;

export interface Nesting {
  /** Per element index: how many contexts enclose it; -1 for an element on or under a cycle. */
  depth: number[];
  /** Each containment cycle once, as element indexes in board order. */
  cycles: number[][];
}

const UNSEEN = -2;
const ON_PATH = -3;
const CYCLIC = -1;

/**
 * Depths of every element given each one's parent index (-1 for none: top level, or a parent
 * the caller does not count, such as a missing one). Linear in the number of elements.
 */
export function nestingDepths(count: number, parentOf: (index: number) => number): Nesting {
  const depth = new Array<number>(count).fill(UNSEEN);
  const cycles: number[][] = [];
  const path: number[] = [];
  for (let start = 0; start < count; start++) {
    if (depth[start] !== UNSEEN) continue;
    path.length = 0;
    let cursor = start;
    while (cursor >= 0 && depth[cursor] === UNSEEN) {
      depth[cursor] = ON_PATH;
      path.push(cursor);
      cursor = parentOf(cursor);
    }
    let next: number;
    let from = path.length - 1;
    if (cursor < 0) next = 0;
    else if (depth[cursor] === ON_PATH) {
      // The walk came back to itself: the elements from there on form a cycle.
      const at = path.indexOf(cursor);
      cycles.push(path.slice(at).sort((a, b) => a - b));
      for (let i = at; i < path.length; i++) depth[path[i]!] = CYCLIC;
      from = at - 1;
      next = CYCLIC;
    } else next = depth[cursor] === CYCLIC ? CYCLIC : depth[cursor]! + 1;
    for (let i = from; i >= 0; i--) {
      depth[path[i]!] = next;
      if (next !== CYCLIC) next++;
    }
  }
  return { depth, cycles };
}
