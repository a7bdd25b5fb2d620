// The worker side of the simulation protocol, without the worker globals so it can be tested
// in Node: holds the run and the experiment on screen, moves simulated time on a timer by
// real elapsed time × speed, and posts a snapshot at most every SNAPSHOT_INTERVAL_MS.
import { boardSchemaProposals, discardRun, ExperimentPlayer, KafkaConsole, listExperiments, SIM_EPOCH_MS, Simulation, STEP_MS, type RunAction, type RunStorage, type SimSeries } from '../sim';
import { compileTopology, runScenarios, type ScenarioResult } from '../topology';
import { liveView, ReplayHost } from './replayHost';
import { takeOver } from './takeOver';
import { CHECKPOINT_INTERVAL_MS, MAX_SIM_MS_PER_TICK, SNAPSHOT_INTERVAL_MS, TICK_MS, type ConsoleCall, type SimCommand, type WorkerMessage } from './protocol';
import { SpeedMeter } from './speedMeter';

export interface HostPort {
  post(message: WorkerMessage, transfer: Transferable[]): void;
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
}

export class SimWorkerHost {
  private sim: Simulation | null = null;
  private experiment: ExperimentPlayer | null = null;
  /** The replay on screen (the live run waits paused behind it), read-only until taken over. */
  private replay: ReplayHost | null = null;
  private speed = 1;
  private lastTick = 0;
  private debt = 0;
  /** How fast the live run's simulated time really moves (shown when slower than asked). */
  private readonly meter = new SpeedMeter();
  private busy = false;
  private dirty = true;
  private lastPost = -Infinity;
  private ticking = false;
  /** Series version last sent, per run: unchanged series are not sent again. */
  private sentSeries = -1;
  /** Rebalance history version last sent, per run. */
  private sentRebalances = -1;

  private lastCheckpoint = 0;

  constructor(
    private readonly port: HostPort,
    /** IndexedDB of the worker's origin: runs are stored per board when there is one. */
    private readonly env: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {},
  ) {}

  /** Where a board's run is stored, when this worker can store runs. */
  private storageFor(boardId: string): RunStorage | undefined {
    const idb = this.env.indexedDB;
    if (!idb) return undefined;
    return { indexedDB: idb, name: `stormbench-run-${boardId}`, ...(this.env.IDBKeyRange ? { IDBKeyRange: this.env.IDBKeyRange } : {}) };
  }

  /** Stores the run on screen (a failure is reported; the run goes on in memory). */
  private async checkpoint(): Promise<void> {
    const sim = this.sim;
    if (!sim || !sim.durable || sim.state === 'stopped') return;
    this.lastCheckpoint = this.port.now();
    try {
      await sim.checkpoint();
      this.dirty = true; // the page shows what a reload would bring back
    } catch (e) {
      const err = e as { code?: string; message?: string };
      this.port.post({ type: 'error', code: err.code ?? 'SIM_STORED_RUN', message: err.message ?? String(e), problems: [] }, []);
      await sim.keepInMemory().catch(() => undefined);
    }
  }

  /** The run on screen is stored, then closed (another board's run comes on screen). */
  private async putAway(): Promise<void> {
    await this.closeReplay();
    await this.checkpoint();
    await this.sim?.stop();
    this.sim = null;
  }

  /** Commands apply one after another: a start awaits its cluster, and what follows acts on it. */
  private queue: Promise<void> = Promise.resolve();

  handle(cmd: SimCommand): Promise<void> {
    const next = this.queue.then(() => this.handleNow(cmd));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** The Kafka console of the run on screen (one per run: it keeps a producer). */
  private console: { sim: Simulation; console: KafkaConsole } | null = null;

  /**
   * A Kafka console call, after the commands sent before it; answered with a consoleReply. It
   * does not hold up the commands after it: a reset's commit reaches __consumer_offsets only as
   * simulated time moves, so a paused run must still take "Resume simulation" meanwhile.
   */
  call(cmd: ConsoleCall): Promise<void> {
    return this.queue.then(() => this.callNow(cmd));
  }

  private async callNow(cmd: ConsoleCall): Promise<void> {
    try {
      const writes = cmd.method === 'produce' || cmd.method === 'resetOffsets' || cmd.method === 'runCleaner';
      // Reads look at what is on screen (a replay too); a write is a user action: recorded, at a step boundary.
      const sim = writes ? this.need() : (this.replay?.sim ?? this.need());
      if (writes) {
        await this.betweenTicks();
        sim.record({ kind: cmd.method, request: cmd.args[0] } as RunAction);
      }
      const cluster = sim.activeCluster;
      if (!cluster || sim.state === 'stopped') throw Object.assign(new Error('The run has stopped: run the simulation to look at its topics.'), { code: 'SIM_NOT_STARTED' });
      if (this.console?.sim !== sim) this.console = { sim, console: new KafkaConsole(cluster, SIM_EPOCH_MS) };
      const c = this.console.console;
      const fn = c[cmd.method] as (...args: unknown[]) => Promise<unknown>;
      const value = await fn.apply(c, cmd.args);
      // A produce or reset changes what the next snapshot shows.
      this.dirty = true;
      this.port.post({ type: 'consoleReply', id: cmd.id, ok: true, value }, []);
    } catch (e) {
      const err = e as { code?: string; message?: string };
      this.port.post({ type: 'consoleReply', id: cmd.id, ok: false, code: err.code ?? 'CONSOLE_ERROR', message: err.message ?? String(e) }, []);
    }
  }

  private async handleNow(cmd: SimCommand): Promise<void> {
    if (cmd.type === 'compile') return this.compile(cmd.board, cmd.seq);
    try {
      // Actions take effect between two steps, never inside one: a replay repeats them there.
      await this.betweenTicks();
      await this.apply(cmd);
      this.dirty = true;
      this.ensureTicking();
    } catch (e) {
      const err = e as { code?: string; message?: string; problems?: { message: string; elementIds: readonly string[] }[] };
      this.port.post({ type: 'error', code: err.code ?? 'SIM_ERROR', message: err.message ?? String(e), problems: err.problems ?? [] }, []);
    }
  }

  private async apply(cmd: SimCommand): Promise<void> {
    switch (cmd.type) {
      case 'start': {
        await this.putAway();
        this.closeExperiment();
        const sim = new Simulation(cmd.board, cmd.options);
        this.speed = sim.options.speed;
        await sim.start(cmd.stored === false ? undefined : this.storageFor(cmd.board.id));
        this.sim = sim;
        this.debt = 0;
        this.sentSeries = -1;
        this.sentRebalances = -1;
        this.lastCheckpoint = this.port.now();
        this.port.post({ type: 'structure', structure: sim.structure() }, []);
        return;
      }
      case 'restore': {
        if (this.sim && this.sim.board.id === cmd.board.id && this.sim.state !== 'stopped') {
          this.port.post({ type: 'restored', boardId: cmd.board.id, found: true }, []);
          return;
        }
        await this.putAway();
        const storage = this.storageFor(cmd.board.id);
        const sim = storage ? await Simulation.restore(cmd.board, storage) : null;
        this.port.post({ type: 'restored', boardId: cmd.board.id, found: sim !== null }, []);
        if (!sim) return;
        this.sim = sim;
        this.speed = sim.options.speed;
        this.debt = 0;
        this.sentSeries = -1;
        this.sentRebalances = -1;
        this.port.post({ type: 'structure', structure: sim.structure() }, []);
        return;
      }
      case 'checkpoint':
        return this.checkpoint();
      case 'discard': {
        if (this.sim && this.sim.board.id === cmd.boardId) await this.sim.discard();
        else {
          const storage = this.storageFor(cmd.boardId);
          if (storage) await discardRun(storage);
        }
        this.port.post({ type: 'discarded', boardId: cmd.boardId }, []);
        return;
      }
      case 'pause':
        this.need().pause();
        // Shown paused at once; a tick under way ends with the step it is in, and the checkpoint
        // is taken after it (at a whole step); its writes complete in the background (a stop or a
        // reload after it waits for them or finds the previous checkpoint).
        void this.ticked.then(() => this.checkpoint());
        return;
      case 'resume':
        return this.need().resume();
      case 'step':
        return this.need().step(Math.max(STEP_MS, cmd.ms));
      case 'stop':
        // Stored as it stopped: the page then offers to discard it.
        await this.checkpoint();
        await this.sim?.stop();
        return;
      case 'speed':
        if (this.sim) this.sim.setSpeed(cmd.speed);
        this.speed = cmd.speed;
        return;
      case 'rate':
        return this.need().setRate(cmd.commandsPerSecond);
      case 'keys':
        return this.need().setKeys(cmd.keys);
      case 'acks':
        return this.need().setAcks(cmd.acks);
      case 'assignor':
        return this.need().setAssignor(cmd.assignor);
      case 'instance': {
        const sim = this.need();
        if (cmd.action === 'add') sim.addInstance(cmd.target);
        else if (cmd.action === 'remove') sim.removeInstance(cmd.target);
        else sim.crashInstance(cmd.target);
        return;
      }
      case 'broker':
        return this.need().broker(cmd.action, cmd.id);
      case 'experiment':
        if (cmd.action === 'start') {
          this.closeExperiment();
          this.experiment = await ExperimentPlayer.create(cmd.id, cmd.variant);
          if (this.sim?.state === 'running') this.sim.pause();
        } else if (cmd.action === 'finish') this.experiment?.finish();
        else if (cmd.action === 'next') this.experiment?.nextStep();
        else if (cmd.action === 'play') {
          if (this.experiment) this.experiment.stepping = false;
        } else this.closeExperiment();
        return;
      case 'compile':
        return this.compile(cmd.board, cmd.seq);
      case 'listExperiments':
        this.port.post({ type: 'experiments', list: listExperiments() }, []);
        return;
      case 'replay':
        return this.replayCommand(cmd);
    }
  }

  /** Until the tick under way (if any) has finished its steps. */
  private async betweenTicks(): Promise<void> {
    while (this.busy) await this.ticked;
  }

  private async replayCommand(cmd: Extract<SimCommand, { type: 'replay' }>): Promise<void> {
    if (cmd.action === 'open') {
      const sim = this.live();
      if (sim.state === 'running') {
        sim.pause();
        void this.checkpoint();
      }
      const recording = sim.recording();
      if (liveView(recording, sim.now).end <= 0) throw Object.assign(new Error('Nothing to replay yet: let the run go for a moment first (a run stored before replays existed cannot be replayed).'), { code: 'SIM_NOTHING_TO_REPLAY' });
      await this.closeReplay();
      this.closeExperiment();
      this.replay = await ReplayHost.open(recording);
      this.sentSeries = -1;
      this.sentRebalances = -1;
      return;
    }
    const r = this.replay;
    if (!r) throw Object.assign(new Error('Open the replay first ("Replay run").'), { code: 'SIM_NO_REPLAY' });
    switch (cmd.action) {
      case 'seek':
        return r.seek(cmd.at);
      case 'step':
        return r.step();
      case 'nextAction':
        return r.nextAction();
      case 'play':
      case 'hold':
        this.lastTick = this.port.now();
        return r.play(cmd.action === 'play');
      case 'close':
        return this.closeReplay();
      case 'takeOver': {
        const live = this.sim;
        this.replay = null;
        this.sim = await takeOver(r, live, live?.durable ? this.storageFor(live.board.id) : undefined, (view, snapshot) => this.port.post({ type: 'snapshot', snapshot, series: { names: [], columns: [] }, replay: view }, []));
        this.console = null;
        this.sentSeries = -1;
        this.sentRebalances = -1;
        this.lastCheckpoint = this.port.now();
        this.port.post({ type: 'structure', structure: this.sim.structure() }, []);
        return;
      }
    }
  }

  private async closeReplay(): Promise<void> {
    const r = this.replay;
    if (!r) return;
    this.replay = null;
    this.sentSeries = -1;
    this.sentRebalances = -1;
    await r.close();
  }

  /** The live run (also while a replay is on screen). */
  private live(): Simulation {
    if (!this.sim) throw Object.assign(new Error('Run the simulation first.'), { code: 'SIM_NOT_STARTED' });
    return this.sim;
  }

  private compile(board: Parameters<typeof compileTopology>[0], seq: number): void {
    let problems;
    let scenarios: ScenarioResult[] = [];
    try {
      const topology = compileTopology(board);
      problems = topology.problems;
      // Scenarios run with every compile, so their badges follow each edit (docs/model.md).
      scenarios = runScenarios(board, topology);
    } catch (e) {
      problems = [{ severity: 'error' as const, code: 'compile-failed', message: `The board could not be compiled: ${(e as Error).message}`, elementIds: [] }];
    }
    // The inspector's schema verdicts: here, because a page policy may forbid Avro's code generation.
    const schemas = boardSchemaProposals(board);
    this.port.post({ type: 'problems', seq, problems, scenarios, schemas }, []);
  }

  /** The live run, to act on: refused while a replay is on screen (it is read-only until taken over). */
  private need(): Simulation {
    if (this.replay) throw Object.assign(new Error('This is a replay: it only shows what happened. Choose "Continue from here" to act on the run from this point, or close the replay.'), { code: 'SIM_REPLAY_READ_ONLY' });
    return this.live();
  }

  private closeExperiment(): void {
    this.experiment?.stop();
    this.experiment = null;
  }

  private ensureTicking(): void {
    if (this.ticking) return;
    this.ticking = true;
    this.lastTick = this.port.now();
    this.port.setTimeout(() => void this.tick(), 0);
  }

  /** One timer tick: move time, then maybe post. Public for tests. */
  async tick(): Promise<void> {
    if (this.busy) return;
    const done = this.tickOnce();
    this.ticked = done;
    await done;
  }

  /** The tick under way, or the last one (settled). */
  private ticked: Promise<void> = Promise.resolve();

  private async tickOnce(): Promise<void> {
    this.busy = true;
    const now = this.port.now();
    const elapsed = Math.min(250, Math.max(0, now - this.lastTick));
    this.lastTick = now;
    try {
      const simMs = elapsed * this.speed;
      if (this.replay) {
        if (await this.replay.tick(simMs)) this.dirty = true;
      } else if (this.experiment && !this.experiment.done && !this.experiment.stepping) {
        this.experiment.play(simMs);
        this.dirty = true;
      } else if (!this.experiment && this.sim?.state === 'running') {
        this.debt = Math.min(MAX_SIM_MS_PER_TICK, this.debt + simMs);
        const whole = Math.floor(this.debt / STEP_MS) * STEP_MS;
        if (whole > 0) {
          this.debt -= whole;
          await this.sim.advance(whole);
          this.dirty = true;
        }
        if (this.sim.state === 'running') this.meter.add(this.port.now(), this.sim.now);
        // Not awaited: the run goes on while the checkpoint's writes complete.
        if (this.sim.durable && now - this.lastCheckpoint >= CHECKPOINT_INTERVAL_MS) void this.checkpoint();
      }
      if (this.replay || this.experiment || this.sim?.state !== 'running') this.meter.reset();
      if (this.dirty && now - this.lastPost >= SNAPSHOT_INTERVAL_MS) this.post(now);
    } catch (e) {
      const err = e as { code?: string; message?: string };
      this.port.post({ type: 'error', code: err.code ?? 'SIM_ERROR', message: err.message ?? String(e), problems: [] }, []);
    } finally {
      this.busy = false;
    }
    const active = (this.sim && this.sim.state !== 'stopped') || this.experiment !== null || this.replay !== null || this.dirty;
    if (active) this.port.setTimeout(() => void this.tick(), TICK_MS);
    else this.ticking = false;
  }

  private post(now: number): void {
    this.dirty = false;
    this.lastPost = now;
    let snapshot;
    let series: SimSeries;
    let rebalances;
    let replay;
    const shown = this.replay?.sim ?? this.sim;
    if (this.experiment) {
      snapshot = this.experiment.snapshot({ speed: this.speed, seed: this.sim?.options.seed ?? 0 });
      series = { names: [], columns: [] };
    } else if (shown) {
      snapshot = shown.snapshot();
      const version = shown.seriesVersion;
      series = version !== this.sentSeries ? shown.seriesExport() : { names: [], columns: [] };
      this.sentSeries = version;
      if (shown.rebalanceVersion !== this.sentRebalances) {
        this.sentRebalances = shown.rebalanceVersion;
        rebalances = shown.rebalanceHistory() ?? undefined;
      }
      replay = this.replay ? this.replay.view() : liveView(shown.recording(), shown.now);
    } else return;
    const buffers = [...series.columns, ...(series.history?.columns ?? [])].map((c) => c.buffer as ArrayBuffer);
    // Reset while a replay or an experiment shows: null then.
    const achievedSpeed = this.meter.speed();
    this.port.post({ type: 'snapshot', snapshot, series, ...(rebalances ? { rebalances } : {}), ...(replay ? { replay } : {}), ...(achievedSpeed !== null ? { achievedSpeed } : {}) }, buffers);
  }
}
