// Spreads heavy canvas redraws over animation frames, one per frame and latest data wins, so a
// snapshot's DOM update and each chart's redraw land in different frames: together they made
// the frames over 50 ms that a trace of the simulation benchmark found (docs/sim.md).
type Draw = () => void;

const pending = new Map<object, Draw>();
let scheduled = false;

function runOne(): void {
  const next = pending.entries().next();
  if (!next.done) {
    const [owner, draw] = next.value;
    pending.delete(owner);
    draw();
  }
  if (pending.size > 0) requestAnimationFrame(runOne);
  else scheduled = false;
}

/** Runs `draw` in a coming animation frame; a newer draw for the same owner replaces it. */
export function drawInOwnFrame(owner: object, draw: Draw): void {
  pending.set(owner, draw);
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(runOne);
}

/** Forgets a pending draw (the chart is going away). */
export function cancelDraw(owner: object): void {
  pending.delete(owner);
}
