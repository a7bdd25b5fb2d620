// How fast a run's simulated time really moves against the wall clock. The worker advances a
// running simulation by elapsed time × the chosen speed, but a busy board can take longer than
// that to compute: then simulated time runs slower than asked, and the controls say by how much.
// Measured over the last WINDOW_MS of wall time the run spent running.

export const SPEED_WINDOW_MS = 3_000;
/** Less wall time than this in the window gives no figure yet (a run just started or resumed). */
const MIN_SPAN_MS = 1_000;

interface Sample {
  wall: number;
  sim: number;
}

export class SpeedMeter {
  private samples: Sample[] = [];

  /** After a tick of a running run: the wall clock and the simulated time it reached. */
  add(wall: number, sim: number): void {
    const last = this.samples[this.samples.length - 1];
    // Simulated or wall time went back (a new run): start over.
    if (last && (sim < last.sim || wall < last.wall)) this.samples = [];
    this.samples.push({ wall, sim });
    // Keep one sample at or before the window's start, so the window is covered.
    while (this.samples.length > 2 && this.samples[1]!.wall <= wall - SPEED_WINDOW_MS) this.samples.shift();
  }

  /** Paused, stopped or replaced: the next figure measures only running time. */
  reset(): void {
    this.samples = [];
  }

  /** Simulated milliseconds per wall millisecond over the window, or null before enough of it. */
  speed(): number | null {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last || last.wall - first.wall < MIN_SPAN_MS) return null;
    return (last.sim - first.sim) / (last.wall - first.wall);
  }
}
