// The seam for problems pinned to stickies: a topology compiler (later) reports them per
// element id, and the canvas shows them on the sticky.
export interface ElementProblem {
  severity: 'error' | 'warning' | 'info';
  message: string;
}
