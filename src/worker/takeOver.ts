// "Continue from here": the replay's run becomes the board's run at the instant it stands, with
// the recorded actions up to there, and records new ones from there. A stored board's run must
// stay stored, and a replay runs in memory, so the run taken over is replayed once more onto
// the board's storage (the stored run it replaces is discarded): durable and memory runs of a
// recording are the same run (runReplay.stored.test.ts), so it arrives at the same state.
import { RunReplay, type RunStorage, type Simulation, type SimSnapshot } from '../sim';
import type { ReplayView } from './protocol';
import type { ReplayHost } from './replayHost';

export async function takeOver(
  replay: ReplayHost,
  live: Simulation | null,
  storage: RunStorage | undefined,
  progress: (view: ReplayView, snapshot: SimSnapshot) => void,
): Promise<Simulation> {
  const at = replay.now;
  if (!storage) {
    await live?.stop();
    return replay.sim;
  }
  const recording = replay.recordingSoFar();
  await replay.close();
  if (live) {
    await live.stop();
    await live.discard();
  }
  const durable = await RunReplay.open(recording, storage);
  await durable.seek(at, (now, target) => progress({ mode: 'replay', at: now, end: target, marks: [], playing: false, seeking: { target, fromStart: true } }, durable.sim.snapshot()));
  return durable.sim;
}
