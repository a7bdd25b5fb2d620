// A counter's label drawn on two lines beside its large figure, so the run's counters fit one
// row of a 1280 px projector: the split is at the word that makes the longer line shortest.

/** The label as two lines (the second empty for a single word). */
export function twoLines(label: string): [string, string] {
  const words = label.split(' ');
  let best: [string, string] = [label, ''];
  let bestLongest = Infinity;
  for (let i = 1; i < words.length; i++) {
    const first = words.slice(0, i).join(' ');
    const second = words.slice(i).join(' ');
    const longest = Math.max(first.length, second.length);
    if (longest < bestLongest) {
      best = [first, second];
      bestLongest = longest;
    }
  }
  return best;
}
